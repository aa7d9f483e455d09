package io.jmachine.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax errors in the words of Go's encoding/json, which `ls` shows for a broken
 * config.json ({@code invalid character 'b' looking for beginning of object key string}).
 */
final class GoJsonErrors {
  private static final Pattern UNEXPECTED =
      Pattern.compile("^Unexpected character \\('.*' \\(code (\\d+)\\)\\):? (.*)", Pattern.DOTALL);
  private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '([^']*)'");
  private static final Map<String, String> CONTEXTS =
      Map.of(
          "was expecting double-quote to start field name",
              "looking for beginning of object key string",
          "was expecting a colon to separate field name and value", "after object key",
          "was expecting comma to separate Object entries", "after object key:value pair",
          "was expecting comma to separate Array entries", "after array element",
          "expected a valid value", "looking for beginning of value",
          "expected a value", "looking for beginning of value");
  private static final List<String> LITERALS = List.of("true", "false", "null");

  private GoJsonErrors() {}

  /** Go's text for a Jackson message, or null when there is no sure equivalent. */
  static String translate(String jackson) {
    Matcher m = UNEXPECTED.matcher(jackson);
    if (m.find()) {
      for (Map.Entry<String, String> c : CONTEXTS.entrySet()) {
        if (m.group(2).startsWith(c.getKey())) {
          int code = Integer.parseInt(m.group(1));
          return "invalid character " + quoteChar(code) + " " + c.getValue();
        }
      }
      return null;
    }
    m = UNRECOGNIZED.matcher(jackson);
    if (m.find() && !m.group(1).isEmpty()) {
      String token = m.group(1);
      for (String literal : LITERALS) {
        if (literal.charAt(0) == token.charAt(0)) {
          for (int i = 1; i < Math.min(token.length(), literal.length()); i++) {
            if (token.charAt(i) != literal.charAt(i)) {
              return "invalid character "
                  + quoteChar(token.charAt(i))
                  + " in literal "
                  + literal
                  + " (expecting "
                  + quoteChar(literal.charAt(i))
                  + ")";
            }
          }
          return null;
        }
      }
      return "invalid character " + quoteChar(token.charAt(0)) + " looking for beginning of value";
    }
    return null;
  }

  /** Go's quoteChar: the first byte of the character, quoted as Go quotes a rune. */
  static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    } else if (c >= 0x20 && c < 0x7f) {
      return "'" + (char) c + "'";
    }
    int b = String.valueOf(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)[0] & 0xff;
    return switch (b) {
      case '\n' -> "'\\n'";
      case '\t' -> "'\\t'";
      case '\r' -> "'\\r'";
      default -> String.format("'\\x%02x'", b);
    };
  }
}
