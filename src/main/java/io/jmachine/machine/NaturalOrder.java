package io.jmachine.machine;

import java.util.Comparator;

/**
 * `ls` sorts machine names case-insensitively with digit runs compared by value, so n9 < n10. Names
 * equal apart from case keep their directory order instead of collapsing into one row (a
 * docker-machine bug).
 */
public final class NaturalOrder implements Comparator<String> {
  @Override
  public int compare(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      char c = x.charAt(i);
      char d = y.charAt(j);
      if (Character.isDigit(c) && Character.isDigit(d)) {
        int si = i;
        int sj = j;
        while (i < x.length() && Character.isDigit(x.charAt(i))) {
          i++;
        }
        while (j < y.length() && Character.isDigit(y.charAt(j))) {
          j++;
        }
        int cmp =
            new java.math.BigInteger(x.substring(si, i))
                .compareTo(new java.math.BigInteger(y.substring(sj, j)));
        if (cmp != 0) {
          return cmp;
        }
      } else {
        if (c != d) {
          return Character.compare(c, d);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }
}
