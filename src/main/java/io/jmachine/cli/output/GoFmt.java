package io.jmachine.cli.output;

import io.jmachine.cli.output.GoValues.GoInt;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt.Sprint, Sprintln and Sprintf, and the strconv routines behind them, for the values a
 * template handles (see {@link GoValues}), written to behave like Go's fmt package: flags, width
 * and precision, padding, {@code %!verb(type=value)} complaints and float layout match byte for
 * byte.
 */
final class GoFmt {
  private static final String LDIGITS = "0123456789abcdefx";
  private static final String UDIGITS = "0123456789ABCDEFX";

  private final StringBuilder buf = new StringBuilder();

  private boolean plus;
  private boolean minus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private boolean plusV;
  private boolean sharpV;
  private boolean widPresent;
  private boolean precPresent;
  private int wid;
  private int prec;

  private boolean reordered;
  private boolean goodArgNum;

  private GoFmt() {}

  /** fmt.Sprint: spaces between operands when neither is a string. */
  static String sprint(List<Object> args) {
    GoFmt p = new GoFmt();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !prevString) {
        p.buf.append(' ');
      }
      p.printArg(arg, 'v');
      prevString = isString;
    }
    return p.buf.toString();
  }

  /** fmt.Sprintln: spaces between all operands and a newline. */
  static String sprintln(List<Object> args) {
    GoFmt p = new GoFmt();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        p.buf.append(' ');
      }
      p.printArg(args.get(i), 'v');
    }
    p.buf.append('\n');
    return p.buf.toString();
  }

  /** fmt.Sprint of one value. */
  static String sprint(Object arg) {
    GoFmt p = new GoFmt();
    p.printArg(arg, 'v');
    return p.buf.toString();
  }

  /** fmt.Sprintf. */
  static String sprintf(String format, List<Object> args) {
    GoFmt p = new GoFmt();
    p.doPrintf(format, args);
    return p.buf.toString();
  }

  private void clearFlags() {
    plus = false;
    minus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
    widPresent = false;
    precPresent = false;
    wid = 0;
    prec = 0;
  }

  // ---------------------------------------------------------------- Printf

  private void doPrintf(String format, List<Object> a) {
    int end = format.length();
    int argNum = 0;
    boolean afterIndex;
    reordered = false;
    formatLoop:
    for (int i = 0; i < end; ) {
      goodArgNum = true;
      int lasti = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      if (i > lasti) {
        buf.append(format, lasti, i);
      }
      if (i >= end) {
        break;
      }
      i++; // skip %
      clearFlags();
      simpleFormat:
      for (; i < end; i++) {
        char c = format.charAt(i);
        switch (c) {
          case '#':
            sharp = true;
            break;
          case '0':
            zero = !minus; // only allow zero padding to the left
            break;
          case '+':
            plus = true;
            break;
          case '-':
            minus = true;
            zero = false; // do not pad with zeros to the right
            break;
          case ' ':
            space = true;
            break;
          default:
            if ('a' <= c && c <= 'z' && argNum < a.size()) {
              if (c == 'v') {
                sharpV = sharp;
                sharp = false;
                plusV = plus;
                plus = false;
              }
              printArg(a.get(argNum), c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }

      long r = argNumber(argNum, format, i, a.size());
      argNum = argOf(r);
      i = posOf(r);
      afterIndex = foundOf(r);

      if (i < end && format.charAt(i) == '*') {
        i++;
        long w = intFromArg(a, argNum);
        wid = (int) (w >> 32);
        widPresent = (w & 1) != 0;
        argNum = (int) ((w >> 1) & 0x7fffffff);
        if (!widPresent) {
          buf.append("%!(BADWIDTH)");
        }
        if (wid < 0) {
          wid = -wid;
          minus = true;
          zero = false;
        }
        afterIndex = false;
      } else {
        int start = i;
        int num = 0;
        while (i < end && isDigit(format.charAt(i)) && num <= 1_000_000) {
          num = num * 10 + (format.charAt(i) - '0');
          i++;
        }
        widPresent = i > start;
        wid = widPresent ? num : 0;
        if (afterIndex && widPresent) {
          goodArgNum = false;
        }
      }

      if (i + 1 <= end && i < end && format.charAt(i) == '.') {
        i++;
        if (afterIndex) {
          goodArgNum = false;
        }
        r = argNumber(argNum, format, i, a.size());
        argNum = argOf(r);
        i = posOf(r);
        afterIndex = foundOf(r);
        if (i < end && format.charAt(i) == '*') {
          i++;
          long w = intFromArg(a, argNum);
          prec = (int) (w >> 32);
          precPresent = (w & 1) != 0;
          argNum = (int) ((w >> 1) & 0x7fffffff);
          if (prec < 0) {
            prec = 0;
            precPresent = false;
          }
          if (!precPresent) {
            buf.append("%!(BADPREC)");
          }
          afterIndex = false;
        } else {
          int num = 0;
          while (i < end && isDigit(format.charAt(i)) && num <= 1_000_000) {
            num = num * 10 + (format.charAt(i) - '0');
            i++;
          }
          prec = num;
          precPresent = true;
        }
      }

      if (!afterIndex) {
        r = argNumber(argNum, format, i, a.size());
        argNum = argOf(r);
        i = posOf(r);
        afterIndex = foundOf(r);
      }

      if (i >= end) {
        buf.append("%!(NOVERB)");
        break;
      }

      int verb = format.codePointAt(i);
      i += Character.charCount(verb);

      if (verb == '%') {
        buf.append('%');
      } else if (!goodArgNum) {
        buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
      } else if (argNum >= a.size()) {
        buf.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v') {
          sharpV = sharp;
          sharp = false;
          plusV = plus;
          plus = false;
        }
        printArg(a.get(argNum), verb);
        argNum++;
      }
    }

    if (!reordered && argNum < a.size()) {
      clearFlags();
      buf.append("%!(EXTRA ");
      for (int k = argNum; k < a.size(); k++) {
        if (k > argNum) {
          buf.append(", ");
        }
        Object arg = a.get(k);
        if (arg == null) {
          buf.append("<nil>");
        } else {
          buf.append(GoValues.typeName(arg)).append('=');
          printArg(arg, 'v');
        }
      }
      buf.append(')');
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // argNumber results packed as (argNum << 32) | (pos << 1) | found
  private static int argOf(long r) {
    return (int) (r >>> 32);
  }

  private static int posOf(long r) {
    return (int) ((r >>> 1) & 0x7fffffff);
  }

  private static boolean foundOf(long r) {
    return (r & 1) != 0;
  }

  private static long pack(int argNum, int pos, boolean found) {
    return ((long) argNum << 32) | ((long) pos << 1) | (found ? 1 : 0);
  }

  private long argNumber(int argNum, String format, int i, int numArgs) {
    if (format.length() <= i || format.charAt(i) != '[') {
      return pack(argNum, i, false);
    }
    reordered = true;
    // parseArgNumber: there must be at least 3 bytes: [n].
    int index = 0;
    int width = 1;
    boolean ok = false;
    if (format.length() - i >= 3) {
      for (int k = i + 1; k < format.length(); k++) {
        if (format.charAt(k) == ']') {
          int num = 0;
          int n = i + 1;
          while (n < k && isDigit(format.charAt(n)) && num <= 1_000_000) {
            num = num * 10 + (format.charAt(n) - '0');
            n++;
          }
          width = k - i + 1;
          if (n > i + 1 && n == k) {
            index = num - 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && 0 <= index && index < numArgs) {
      return pack(index, i + width, true);
    }
    goodArgNum = false;
    return pack(argNum, i + width, ok);
  }

  // packed as (value << 32) | (newArgNum << 1) | isInt
  private static long intFromArg(List<Object> a, int argNum) {
    int newArgNum = argNum;
    int num = 0;
    boolean isInt = false;
    if (argNum < a.size()) {
      if (a.get(argNum) instanceof GoInt i && i.value() <= 1_000_000 && i.value() >= -1_000_000) {
        num = (int) i.value();
        isInt = true;
      }
      newArgNum = argNum + 1;
    }
    return ((long) num << 32) | ((long) newArgNum << 1) | (isInt ? 1 : 0);
  }

  // ---------------------------------------------------------------- values

  private void printArg(Object arg, int verb) {
    if (arg == null) {
      if (verb == 'T' || verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb, null);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(GoValues.typeName(arg));
      return;
    }
    printValue(arg, verb, 0);
  }

  private void printValue(Object v, int verb, int depth) {
    if (v == null) {
      // a nil interface inside a container
      if (sharpV) {
        buf.append("interface {}(nil)");
      } else {
        buf.append("<nil>");
      }
    } else if (v instanceof Boolean b) {
      fmtBool(b, verb);
    } else if (v instanceof GoInt i) {
      fmtInteger(i.value(), verb, v);
    } else if (v instanceof Number n) {
      fmtFloat(n.doubleValue(), verb, v);
    } else if (v instanceof String s) {
      fmtString(s, verb);
    } else if (v instanceof Map<?, ?> map) {
      if (sharpV) {
        buf.append(GoValues.typeName(v)).append('{');
      } else {
        buf.append("map[");
      }
      boolean first = true;
      for (String key : GoValues.sortedKeys(map)) {
        if (!first) {
          buf.append(sharpV ? ", " : " ");
        }
        first = false;
        printValue(key, verb, depth + 1);
        buf.append(':');
        printValue(map.get(key), verb, depth + 1);
      }
      buf.append(sharpV ? '}' : ']');
    } else if (v instanceof List<?> list) {
      if (sharpV) {
        buf.append(GoValues.typeName(v)).append('{');
      } else {
        buf.append('[');
      }
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          buf.append(sharpV ? ", " : " ");
        }
        printValue(list.get(i), verb, depth + 1);
      }
      buf.append(sharpV ? '}' : ']');
    } else if (v instanceof GoStruct s) {
      printStruct(s, verb, depth, true);
    } else if (v instanceof GoNilPointer p) {
      buf.append(sharpV ? "(" + p.type() + ")(nil)" : "<nil>");
    } else {
      fmtString(v.toString(), verb);
    }
  }

  /** A struct; {@code ptr} false prints a pointer's target as text/template's printValue does. */
  private void printStruct(GoStruct s, int verb, int depth, boolean ptr) {
    String type = s.type();
    if (s.isPointer()) {
      type = type.substring(1);
      if (ptr) {
        buf.append('&');
      }
    }
    if (sharpV) {
      buf.append(type);
    }
    buf.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : s.fields().entrySet()) {
      if (!first) {
        buf.append(sharpV ? ", " : " ");
      }
      first = false;
      if (plusV || sharpV) {
        buf.append(e.getKey()).append(':');
      }
      printValue(e.getValue(), verb, depth + 1);
    }
    buf.append('}');
  }

  /** text/template's printValue: a pointer is dereferenced before fmt sees it. */
  static String sprintDereferenced(Object v) {
    if (v instanceof GoStruct s && s.isPointer()) {
      GoFmt p = new GoFmt();
      p.printStruct(s, 'v', 0, false);
      return p.buf.toString();
    }
    return sprint(v);
  }

  private void badVerb(int verb, Object arg) {
    buf.append("%!").appendCodePoint(verb).append('(');
    if (arg != null) {
      buf.append(GoValues.typeName(arg)).append('=');
      printArg(arg, 'v');
    } else {
      buf.append("<nil>");
    }
    buf.append(')');
  }

  private void fmtBool(boolean b, int verb) {
    if (verb == 't' || verb == 'v') {
      padString(b ? "true" : "false");
    } else {
      badVerb(verb, b);
    }
  }

  // ---------------------------------------------------------------- integers

  private void fmtInteger(long v, int verb, Object arg) {
    switch (verb) {
      case 'v':
      case 'd':
        fmtInt(v, 10, verb, LDIGITS);
        break;
      case 'b':
        fmtInt(v, 2, verb, LDIGITS);
        break;
      case 'o':
      case 'O':
        fmtInt(v, 8, verb, LDIGITS);
        break;
      case 'x':
        fmtInt(v, 16, verb, LDIGITS);
        break;
      case 'X':
        fmtInt(v, 16, verb, UDIGITS);
        break;
      case 'c':
        pad(new String(Character.toChars(validRune(v))));
        break;
      case 'q':
        {
          int r = validRune(v);
          pad(quoteRune(r, plus));
          break;
        }
      case 'U':
        fmtUnicode(v);
        break;
      default:
        badVerb(verb, arg);
    }
  }

  private static int validRune(long v) {
    if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
      return 0xFFFD;
    }
    return (int) v;
  }

  private void fmtInt(long value, int base, int verb, String digits) {
    boolean negative = value < 0;
    // magnitude as an unsigned string in the base
    String mag = Long.toUnsignedString(negative ? -value : value, base);
    if (digits == UDIGITS) {
      mag = mag.toUpperCase(java.util.Locale.ROOT);
    }
    boolean isZero = value == 0;
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (precision == 0 && isZero) {
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && widPresent) {
      precision = wid;
      if (negative || plus || space) {
        precision--; // leave room for sign
      }
    }
    StringBuilder number = new StringBuilder();
    for (int k = mag.length(); k < precision; k++) {
      number.append('0');
    }
    number.append(mag);
    String prefix = "";
    if (sharp) {
      if (base == 2) {
        prefix = "0b";
      } else if (base == 8) {
        prefix = number.charAt(0) != '0' ? "0" : "";
      } else if (base == 16) {
        prefix = "0" + digits.charAt(16);
      }
    }
    if (verb == 'O') {
      prefix = "0o" + prefix;
    }
    String sign = negative ? "-" : plus ? "+" : space ? " " : "";
    boolean oldZero = zero;
    zero = false;
    pad(sign + prefix + number);
    zero = oldZero;
  }

  private void fmtUnicode(long v) {
    String hex = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    int minDigits = precPresent && prec > 4 ? prec : 4;
    StringBuilder s = new StringBuilder("U+");
    for (int k = hex.length(); k < minDigits; k++) {
      s.append('0');
    }
    s.append(hex);
    if (sharp && v >= 0 && v <= Character.MAX_CODE_POINT && isPrint((int) v)) {
      s.append(" '").appendCodePoint((int) v).append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    pad(s.toString());
    zero = oldZero;
  }

  // ---------------------------------------------------------------- floats

  private void fmtFloat(double v, int verb, Object arg) {
    switch (verb) {
      case 'v':
        fmtFloat(v, 'g', -1);
        break;
      case 'g':
      case 'G':
        fmtFloat(v, (char) verb, -1);
        break;
      case 'f':
      case 'e':
      case 'E':
        fmtFloat(v, (char) verb, 6);
        break;
      case 'F':
        fmtFloat(v, 'f', 6);
        break;
      default:
        badVerb(verb, arg);
    }
  }

  private void fmtFloat(double v, char verb, int precision) {
    if (precPresent) {
      precision = prec;
    }
    String num = formatFloat(v, verb, precision);
    char sign;
    String body;
    if (num.charAt(0) == '-' || num.charAt(0) == '+') {
      sign = num.charAt(0);
      body = num.substring(1);
    } else {
      sign = '+';
      body = num;
    }
    if (space && sign == '+' && !plus) {
      sign = ' ';
    }
    if (body.charAt(0) == 'I' || body.charAt(0) == 'N') {
      boolean oldZero = zero;
      zero = false;
      if (body.charAt(0) == 'N' && !space && !plus) {
        pad(body);
      } else {
        pad(sign + body);
      }
      zero = oldZero;
      return;
    }
    if (plus || sign != '+') {
      String signed = sign + body;
      if (zero && widPresent && wid > signed.length()) {
        buf.append(sign);
        writePadding(wid - signed.length());
        buf.append(body);
        return;
      }
      pad(signed);
      return;
    }
    pad(body);
  }

  /** The shortest %v form of a float64, as fmt.Sprint prints it. */
  static String formatFloat(double v) {
    return formatFloat(v, 'g', -1);
  }

  /** strconv.FormatFloat(v, fmt, prec, 64) for fmt in e, E, f, g, G. */
  static String formatFloat(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = Double.doubleToRawLongBits(v) < 0;
    double a = Math.abs(v);
    boolean shortest = prec < 0;
    BigDecimal d;
    if (a == 0) {
      d = BigDecimal.ZERO;
    } else if (shortest) {
      d = new BigDecimal(Double.toString(a));
    } else {
      BigDecimal exact = new BigDecimal(a);
      switch (fmt) {
        case 'e':
        case 'E':
          d = exact.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
          break;
        case 'f':
          d = exact.setScale(prec, RoundingMode.HALF_EVEN);
          break;
        default:
          if (prec == 0) {
            prec = 1;
          }
          d = exact.round(new MathContext(prec, RoundingMode.HALF_EVEN));
      }
    }
    String digs;
    int dp;
    if (d.signum() == 0) {
      digs = "";
      dp = 0;
    } else {
      d = d.stripTrailingZeros();
      digs = d.unscaledValue().toString();
      dp = digs.length() - d.scale();
    }
    int nd = digs.length();
    if (shortest) {
      switch (fmt) {
        case 'e':
        case 'E':
          prec = Math.max(nd - 1, 0);
          break;
        case 'f':
          prec = Math.max(nd - dp, 0);
          break;
        default:
          prec = nd;
      }
    }
    StringBuilder out = new StringBuilder(24);
    switch (fmt) {
      case 'e':
      case 'E':
        fmtE(out, neg, digs, dp, prec, fmt);
        break;
      case 'f':
        fmtF(out, neg, digs, dp, prec);
        break;
      default:
        int eprec = prec;
        if (eprec > nd && nd >= dp) {
          eprec = nd;
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = dp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > nd) {
            prec = nd;
          }
          fmtE(out, neg, digs, dp, prec - 1, fmt == 'g' ? 'e' : 'E');
        } else {
          if (prec > dp) {
            prec = nd;
          }
          fmtF(out, neg, digs, dp, Math.max(prec - dp, 0));
        }
    }
    return out.toString();
  }

  private static void fmtE(StringBuilder out, boolean neg, String d, int dp, int prec, char fmt) {
    if (neg) {
      out.append('-');
    }
    int nd = d.length();
    out.append(nd != 0 ? d.charAt(0) : '0');
    if (prec > 0) {
      out.append('.');
      int i = 1;
      int m = Math.min(nd, prec + 1);
      if (i < m) {
        out.append(d, i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        out.append('0');
      }
    }
    out.append(fmt);
    int exp = nd == 0 ? 0 : dp - 1;
    if (exp < 0) {
      out.append('-');
      exp = -exp;
    } else {
      out.append('+');
    }
    if (exp < 10) {
      out.append('0');
    }
    out.append(exp);
  }

  private static void fmtF(StringBuilder out, boolean neg, String d, int dp, int prec) {
    if (neg) {
      out.append('-');
    }
    int nd = d.length();
    if (dp > 0) {
      int m = Math.min(nd, dp);
      out.append(d, 0, m);
      for (; m < dp; m++) {
        out.append('0');
      }
    } else {
      out.append('0');
    }
    if (prec > 0) {
      out.append('.');
      for (int i = 0; i < prec; i++) {
        int j = dp + i;
        out.append(j >= 0 && j < nd ? d.charAt(j) : '0');
      }
    }
  }

  // ---------------------------------------------------------------- strings

  private void fmtString(String s, int verb) {
    switch (verb) {
      case 'v':
        if (sharpV) {
          fmtQ(s);
        } else {
          fmtS(s);
        }
        break;
      case 's':
        fmtS(s);
        break;
      case 'x':
        fmtSx(s, LDIGITS);
        break;
      case 'X':
        fmtSx(s, UDIGITS);
        break;
      case 'q':
        fmtQ(s);
        break;
      default:
        badVerb(verb, s);
    }
  }

  private String truncate(String s) {
    if (precPresent) {
      int n = prec;
      for (int i = 0; i < s.length(); ) {
        n--;
        if (n < 0) {
          return s.substring(0, i);
        }
        i += Character.charCount(s.codePointAt(i));
      }
    }
    return s;
  }

  private void fmtS(String s) {
    padString(truncate(s));
  }

  private void fmtQ(String s) {
    s = truncate(s);
    if (sharp && canBackquote(s)) {
      padString("`" + s + "`");
    } else {
      padString(quote(s, plus));
    }
  }

  private void fmtSx(String s, String digits) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int length = b.length;
    if (precPresent && prec < length) {
      length = prec;
    }
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) {
          width *= 2;
        }
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (widPresent && wid > width && !minus) {
      writePadding(wid - width);
    }
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = b[i] & 0xff;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
    }
    if (widPresent && wid > width && minus) {
      writePadding(wid - width);
    }
  }

  // ---------------------------------------------------------------- padding

  private void writePadding(int n) {
    if (n <= 0) {
      return;
    }
    char padChar = zero ? '0' : ' ';
    for (int i = 0; i < n; i++) {
      buf.append(padChar);
    }
  }

  private void pad(String s) {
    padString(s);
  }

  private void padString(String s) {
    if (!widPresent || wid == 0) {
      buf.append(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (!minus) {
      writePadding(width);
      buf.append(s);
    } else {
      buf.append(s);
      writePadding(width);
    }
  }

  // ---------------------------------------------------------------- strconv

  /** strconv.Quote (or QuoteToASCII). */
  static String quote(String s, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      appendEscapedRune(out, r, '"', asciiOnly);
    }
    out.append('"');
    return out.toString();
  }

  /** strconv.QuoteRune (or QuoteRuneToASCII). */
  static String quoteRune(int r, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(8);
    out.append('\'');
    appendEscapedRune(out, r, '\'', asciiOnly);
    out.append('\'');
    return out.toString();
  }

  private static void appendEscapedRune(StringBuilder out, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      out.append('\\').appendCodePoint(r);
      return;
    }
    if (asciiOnly) {
      if (r < 0x80 && isPrint(r)) {
        out.appendCodePoint(r);
        return;
      }
    } else if (isPrint(r)) {
      out.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07:
        out.append("\\a");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case 0x0B:
        out.append("\\v");
        break;
      default:
        if (r < ' ' || r == 0x7f) {
          out.append("\\x");
          hex(out, r, 2);
        } else if (Character.isSurrogate((char) r) && r <= 0xFFFF) {
          out.append("\\ufffd");
        } else if (r < 0x10000) {
          out.append("\\u");
          hex(out, r, 4);
        } else {
          out.append("\\U");
          hex(out, r, 8);
        }
    }
  }

  private static void hex(StringBuilder out, int v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(LDIGITS.charAt((v >> shift) & 0xf));
    }
  }

  /** strconv.CanBackquote. */
  static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r == '`' || r == 0xFEFF || Character.isSurrogate((char) r) && r <= 0xFFFF) {
        return false;
      }
      if ((r < ' ' && r != '\t') || r == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /** fmt's %#U rendering of a rune: {@code U+0021 '!'}. */
  static String unicodeName(int r) {
    StringBuilder s = new StringBuilder("U+");
    String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
    for (int k = hex.length(); k < 4; k++) {
      s.append('0');
    }
    s.append(hex);
    if (isPrint(r)) {
      s.append(" '").appendCodePoint(r).append('\'');
    }
    return s.toString();
  }
}
