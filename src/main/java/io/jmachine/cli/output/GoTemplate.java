package io.jmachine.cli.output;

import io.jmachine.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of Go's text/template that docker-machine's --format flags are used with: field chains,
 * `json`/`prettyjson`, pipelines, `if`/`else`, `range`, `with` and trim markers, printing values
 * the way Go's fmt does.
 */
public final class GoTemplate {
  private final String name;
  private final List<Node> nodes;

  private GoTemplate(String name, List<Node> nodes) {
    this.name = name;
    this.nodes = nodes;
  }

  public static GoTemplate parse(String name, String text) {
    Parser parser = new Parser(name, text);
    List<Node> nodes = parser.nodes(false);
    return new GoTemplate(name, nodes);
  }

  public String execute(Object data) {
    StringBuilder out = new StringBuilder();
    render(nodes, data, out);
    return out.toString();
  }

  private void render(List<Node> list, Object dot, StringBuilder out) {
    for (Node node : list) {
      if (node instanceof Text t) {
        out.append(t.text());
      } else if (node instanceof Action a) {
        out.append(print(evaluate(a.pipeline(), dot)));
      } else if (node instanceof Block b) {
        Object value = evaluate(b.pipeline(), dot);
        switch (b.kind()) {
          case "if" -> render(truthy(value) ? b.body() : b.otherwise(), dot, out);
          case "with" ->
              render(truthy(value) ? b.body() : b.otherwise(), truthy(value) ? value : dot, out);
          default -> {
            List<Object> items = items(value);
            if (items.isEmpty()) {
              render(b.otherwise(), dot, out);
            }
            for (Object item : items) {
              render(b.body(), item, out);
            }
          }
        }
      }
    }
  }

  private static List<Object> items(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof Map<?, ?> map) {
      return new ArrayList<>(new TreeMap<>(map).values());
    }
    return List.of();
  }

  private Object evaluate(List<List<String>> pipeline, Object dot) {
    Object value = null;
    boolean first = true;
    for (List<String> command : pipeline) {
      List<Object> args = new ArrayList<>();
      for (String word : command.subList(1, command.size())) {
        args.add(operand(word, dot));
      }
      if (!first) {
        args.add(value);
      }
      String head = command.get(0);
      value = isFunction(head) ? call(head, args) : operand(head, dot);
      first = false;
    }
    return value;
  }

  private static boolean isFunction(String word) {
    return Character.isLetter(word.charAt(0))
        && !word.equals("true")
        && !word.equals("false")
        && !word.equals("nil");
  }

  private Object call(String function, List<Object> args) {
    return switch (function) {
      case "json" -> GoJson.compactSorted(arg(function, args));
      case "prettyjson" -> GoJson.indentedSorted(arg(function, args));
      case "not" -> !truthy(arg(function, args));
      case "len" ->
          (long) items(arg(function, args)).size()
              + (arg(function, args) instanceof String s ? s.length() : 0);
      case "print" -> String.join("", args.stream().map(GoTemplate::print).toList());
      case "println" -> String.join(" ", args.stream().map(GoTemplate::print).toList()) + "\n";
      case "eq" -> args.size() == 2 && print(args.get(0)).equals(print(args.get(1)));
      case "ne" -> args.size() == 2 && !print(args.get(0)).equals(print(args.get(1)));
      default ->
          throw new TemplateException(
              "template parsing error: template: "
                  + name
                  + ":1: function \""
                  + function
                  + "\" not defined");
    };
  }

  private static Object arg(String function, List<Object> args) {
    if (args.size() != 1) {
      throw new TemplateException(
          "template: wrong number of args for " + function + ": want 1 got " + args.size());
    }
    return args.get(0);
  }

  private Object operand(String word, Object dot) {
    if (word.startsWith("\"") || word.startsWith("`")) {
      return word.substring(1, word.length() - 1)
          .replace("\\\"", "\"")
          .replace("\\n", "\n")
          .replace("\\t", "\t");
    }
    if (word.equals("true") || word.equals("false")) {
      return Boolean.valueOf(word);
    }
    if (word.equals("nil")) {
      return null;
    }
    if (Character.isDigit(word.charAt(0)) || word.charAt(0) == '-') {
      return word.contains(".") ? (Object) Double.valueOf(word) : (Object) Long.valueOf(word);
    }
    if (!word.startsWith(".")) {
      return call(word, List.of());
    }
    Object value = dot;
    for (String field : word.substring(1).split("\\.")) {
      if (field.isEmpty()) {
        continue;
      }
      if (value instanceof Map<?, ?> map) {
        value = map.containsKey(field) ? map.get(field) : Missing.VALUE;
      } else {
        throw new TemplateException(
            "template: "
                + name
                + ": executing \""
                + name
                + "\" at <"
                + word
                + ">: can't evaluate field "
                + field
                + " in type "
                + goType(value));
      }
    }
    return value;
  }

  private static String goType(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof List<?>) {
      return "[]interface {}";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    return value instanceof Number ? "float64" : "interface {}";
  }

  static boolean truthy(Object v) {
    if (v == null || v == Missing.VALUE) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return !(v instanceof Map<?, ?> m) || !m.isEmpty();
  }

  /** fmt.Sprint of a generic Go value. */
  static String print(Object v) {
    if (v == Missing.VALUE) {
      return "<no value>";
    }
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double || v instanceof Float) {
      return GoJson.formatFloat(((Number) v).doubleValue());
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(item -> parts.add(print(item)));
      return "[" + String.join(" ", parts) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(map).forEach((k, item) -> parts.add(k + ":" + print(item)));
      return "map[" + String.join(" ", parts) + "]";
    }
    return v.toString();
  }

  private enum Missing {
    VALUE
  }

  private interface Node {}

  private record Text(String text) implements Node {}

  private record Action(List<List<String>> pipeline) implements Node {}

  private record Block(
      String kind, List<List<String>> pipeline, List<Node> body, List<Node> otherwise)
      implements Node {}

  /** Splits the text into literal text and actions, and actions into commands and words. */
  private static final class Parser {
    private final String name;
    private final String text;
    private int pos;
    private String terminator;

    Parser(String name, String text) {
      this.name = name;
      this.text = text;
    }

    List<Node> nodes(boolean nested) {
      List<Node> nodes = new ArrayList<>();
      while (pos < text.length()) {
        int open = text.indexOf("{{", pos);
        String literal = open < 0 ? text.substring(pos) : text.substring(pos, open);
        if (open >= 0
            && text.startsWith("{{-", open)
            && open + 3 < text.length()
            && Character.isWhitespace(text.charAt(open + 3))) {
          literal = literal.stripTrailing();
        }
        if (!literal.isEmpty()) {
          nodes.add(new Text(literal));
        }
        if (open < 0) {
          pos = text.length();
          break;
        }
        int close = text.indexOf("}}", open);
        if (close < 0) {
          throw error("unclosed action");
        }
        String body = text.substring(open + 2, close);
        pos = close + 2;
        if (body.startsWith("-") && body.length() > 1 && Character.isWhitespace(body.charAt(1))) {
          body = body.substring(1);
        }
        if (body.endsWith("-")
            && body.length() > 1
            && Character.isWhitespace(body.charAt(body.length() - 2))) {
          body = body.substring(0, body.length() - 1);
          while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
          }
        }
        body = body.strip();
        if (body.startsWith("/*")) {
          continue;
        }
        String keyword = body.split("\\s+", 2)[0];
        switch (keyword) {
          case "end", "else" -> {
            if (!nested) {
              throw error("unexpected {{" + keyword + "}}");
            }
            terminator = keyword;
            return nodes;
          }
          case "if", "range", "with" -> nodes.add(block(keyword, body.substring(keyword.length())));
          default -> {
            if (body.isEmpty()) {
              throw error("missing value for command");
            }
            nodes.add(new Action(pipeline(body)));
          }
        }
      }
      if (nested) {
        throw error("unexpected EOF");
      }
      return nodes;
    }

    private Block block(String kind, String args) {
      List<List<String>> pipeline = pipeline(args.strip());
      List<Node> body = nodes(true);
      List<Node> otherwise = List.of();
      if ("else".equals(terminator)) {
        otherwise = nodes(true);
      }
      return new Block(kind, pipeline, body, otherwise);
    }

    private List<List<String>> pipeline(String source) {
      List<List<String>> commands = new ArrayList<>();
      List<String> words = new ArrayList<>();
      int i = 0;
      while (i < source.length()) {
        char c = source.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '|') {
          if (words.isEmpty()) {
            throw error("missing command");
          }
          commands.add(words);
          words = new ArrayList<>();
          i++;
        } else if (c == '"' || c == '`') {
          int end = i + 1;
          while (end < source.length()
              && (source.charAt(end) != c || (c == '"' && source.charAt(end - 1) == '\\'))) {
            end++;
          }
          if (end >= source.length()) {
            throw error("unterminated quoted string");
          }
          words.add(source.substring(i, end + 1));
          i = end + 1;
        } else {
          int end = i;
          while (end < source.length()
              && !Character.isWhitespace(source.charAt(end))
              && source.charAt(end) != '|') {
            end++;
          }
          words.add(source.substring(i, end));
          i = end;
        }
      }
      if (words.isEmpty()) {
        throw error("missing value for command");
      }
      commands.add(words);
      return commands;
    }

    private TemplateException error(String message) {
      int line = 1;
      for (int i = 0; i < Math.min(pos, text.length()); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return new TemplateException(
          "template parsing error: template: " + name + ":" + line + ": " + message);
    }
  }
}
