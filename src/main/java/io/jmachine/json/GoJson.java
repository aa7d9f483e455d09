package io.jmachine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as Go's encoding/json reads and writes it, on Jackson's streaming API (no ObjectMapper: it
 * costs more start-up time than a whole `url` command may take).
 *
 * <p>Values are plain Java: {@code Map<String,Object>} keeping key order, {@code List<Object>},
 * String, Long, Double, Boolean and null. Output matches Go byte for byte: MarshalIndent's
 * four-space layout, {@code []} and {@code {}} for empty containers, and HTML-safe escapes of
 * {@code < > &}, so a config.json written here is identical to one docker-machine writes.
 */
public final class GoJson {
  private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new GoEscapes());

  private GoJson() {}

  /** Parses one JSON document; objects keep their key order. */
  public static Object parse(String text) throws JsonSyntaxException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonSyntaxException("unexpected end of JSON input");
      }
      Object value = readValue(parser, first);
      // read the rest by hand: Jackson would first try to lex it as a token of its own
      int at = (int) parser.currentLocation().getCharOffset();
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (at < text.length()) {
        throw new JsonSyntaxException(
            "invalid character "
                + GoJsonErrors.quoteChar(text.codePointAt(at))
                + " after top-level value");
      }
      return value;
    } catch (JsonSyntaxException e) {
      throw e;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException
          || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
        throw new JsonSyntaxException("unexpected end of JSON input"); // Go's words
      }
      String go = GoJsonErrors.translate(String.valueOf(e.getOriginalMessage()));
      if (go != null) {
        throw new JsonSyntaxException(go);
      }
      throw new JsonSyntaxException(
          firstLine(e.getOriginalMessage())
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + " column "
                      + e.getLocation().getColumnNr()));
    } catch (IOException e) {
      throw new JsonSyntaxException(firstLine(e.getMessage()));
    }
  }

  /** Go's json.MarshalIndent(v, "", " "): what config.json and `inspect` hold. */
  public static String indented(Object value) {
    return write(value, true, false);
  }

  /** Go's json.Marshal of a struct: compact, fields in the map's order (API request bodies). */
  public static String compact(Object value) {
    return write(value, false, false);
  }

  /** Go's json.Marshal of a generic value: compact, map keys sorted (template `json`). */
  public static String compactSorted(Object value) {
    return write(value, false, true);
  }

  /** Indented with map keys sorted, as Go prints an unmarshalled map (template `prettyjson`). */
  public static String indentedSorted(Object value) {
    return write(value, true, true);
  }

  private static String write(Object value, boolean indent, boolean sortKeys) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      if (indent) {
        gen.setPrettyPrinter(new GoPrettyPrinter());
      }
      writeValue(gen, value, sortKeys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Object readValue(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = p.currentName();
          map.put(key, readValue(p, p.nextToken()));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          list.add(readValue(p, t));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonSyntaxException("unexpected token " + token);
    }
  }

  private static void writeValue(JsonGenerator gen, Object value, boolean sortKeys)
      throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      Map<?, ?> entries = sortKeys ? new TreeMap<>(map) : map;
      for (Map.Entry<?, ?> e : entries.entrySet()) {
        gen.writeFieldName(String.valueOf(e.getKey()));
        writeValue(gen, e.getValue(), sortKeys);
      }
      gen.writeEndObject();
    } else if (value instanceof List<?> list) {
      gen.writeStartArray();
      for (Object item : list) {
        writeValue(gen, item, sortKeys);
      }
      gen.writeEndArray();
    } else if (value instanceof String s) {
      gen.writeString(s);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Double || value instanceof Float) {
      gen.writeNumber(formatFloat(((Number) value).doubleValue()));
    } else if (value instanceof Number n) {
      gen.writeNumber(n.longValue());
    } else {
      gen.writeString(value.toString());
    }
  }

  /** Go's float64 encoding: shortest representation, plain between 1e-6 and 1e21. */
  public static String formatFloat(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return Long.toString((long) d);
    }
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    String mantissa = exact.movePointLeft(exponent).toPlainString();
    // strconv pads the exponent to two digits; encoding/json trims the pad of negative ones
    return mantissa + (exponent < 0 ? "e-" + -exponent : "e+" + String.format("%02d", exponent));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Go escapes these so JSON can be embedded in HTML; matching it keeps files byte-identical. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table = standardAsciiEscapesForJSON();

    GoEscapes() {
      table['<'] = CharacterEscapes.ESCAPE_CUSTOM;
      table['>'] = CharacterEscapes.ESCAPE_CUSTOM;
      table['&'] = CharacterEscapes.ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializedString getEscapeSequence(int ch) {
      if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
