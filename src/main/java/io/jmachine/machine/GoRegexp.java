package io.jmachine.machine;

import io.jmachine.error.MachineException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Go (RE2) regular expression with java.util.regex, which shares its syntax for what `ls
 * --filter name=` sees in practice. Where the two differ the Go rules win: a brace that does not
 * start a repeat count is a literal, look-arounds are refused, and errors carry Go's wording
 * ({@code error parsing regexp: missing closing ]: `[`}).
 */
final class GoRegexp {
  private static final Pattern REPEAT = Pattern.compile("\\{\\d+(,\\d*)?}");
  private static final Pattern LOOK_AROUND = Pattern.compile("\\(\\?<?[=!]|\\(\\?>");

  private GoRegexp() {}

  static Pattern compile(String regexp) {
    Matcher perl = LOOK_AROUND.matcher(regexp);
    if (perl.find() && !escaped(regexp, perl.start())) {
      throw error("invalid or unsupported Perl syntax", perl.group());
    }
    try {
      return Pattern.compile(literalBraces(regexp));
    } catch (PatternSyntaxException e) {
      throw goError(e, regexp);
    }
  }

  /** `{` that does not open a repeat count ({n}, {n,}, {n,m}) is a literal in Go. */
  private static String literalBraces(String regexp) {
    StringBuilder out = new StringBuilder(regexp.length());
    for (int i = 0; i < regexp.length(); i++) {
      char c = regexp.charAt(i);
      if (c == '\\' && i + 1 < regexp.length()) {
        out.append(c).append(regexp.charAt(++i));
      } else if (c == '{' && !REPEAT.matcher(regexp).region(i, regexp.length()).lookingAt()) {
        out.append("\\{");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static MachineException goError(PatternSyntaxException e, String regexp) {
    String description = e.getDescription();
    if (description.startsWith("Unclosed character class")) {
      return error("missing closing ]", regexp.substring(unclosedClass(regexp)));
    } else if (description.startsWith("Unclosed group")) {
      return error("missing closing )", regexp);
    } else if (description.startsWith("Unmatched closing ')'")) {
      return error("unexpected )", regexp);
    } else if (description.startsWith("Dangling meta character")) {
      int at = Math.max(e.getIndex(), 0);
      return at > 0 && "*+?".indexOf(regexp.charAt(at - 1)) >= 0
          ? error("invalid nested repetition operator", regexp.substring(at - 1, at + 1))
          : error("missing argument to repetition operator", regexp.substring(at, at + 1));
    } else if (regexp.endsWith("\\") && !escaped(regexp, regexp.length() - 1)) {
      return error("trailing backslash at end of expression", "");
    }
    return error(description, regexp);
  }

  /** Where the character class that lacks its `]` starts. */
  private static int unclosedClass(String regexp) {
    int start = 0;
    boolean inClass = false;
    for (int i = 0; i < regexp.length(); i++) {
      char c = regexp.charAt(i);
      if (c == '\\') {
        i++;
      } else if (!inClass && c == '[') {
        inClass = true;
        start = i;
        // a `]` right after `[` or `[^` is a member, not the end
        i += regexp.startsWith("^", i + 1) ? 1 : 0;
        i += regexp.startsWith("]", i + 1) ? 1 : 0;
      } else if (inClass && c == ']') {
        inClass = false;
      }
    }
    return start;
  }

  private static boolean escaped(String s, int at) {
    int backslashes = 0;
    for (int i = at - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static MachineException error(String code, String expr) {
    return new MachineException("error parsing regexp: " + code + ": `" + expr + "`");
  }
}
