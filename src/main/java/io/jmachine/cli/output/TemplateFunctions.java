package io.jmachine.cli.output;

import static io.jmachine.cli.output.GoValues.INVALID;

import io.jmachine.cli.output.GoValues.GoInt;
import io.jmachine.json.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions a template may call: Go's builtins ({@code and or not len index slice print printf
 * println html js urlquery eq ne lt le gt ge call}) and, for `inspect`, docker-machine's {@code
 * json} and {@code prettyjson}. Each has Go's signature, so argument checks and error texts match.
 */
final class TemplateFunctions {
  /** How an argument is passed: interface{}, reflect.Value (builtins) or string. */
  enum ArgType {
    ANY,
    VALUE,
    STRING
  }

  /** A function's name and parameter list; {@code variadic} is null for fixed arity. */
  record Func(String name, ArgType[] fixed, ArgType variadic) {}

  /** An error a function returns: execution stops with "error calling NAME: MESSAGE". */
  static final class FuncError extends Exception {
    private static final long serialVersionUID = 1L;

    FuncError(String message) {
      super(message, null, false, false);
    }
  }

  private static final ArgType[] NONE = {};
  private static final ArgType[] ONE_VALUE = {ArgType.VALUE};
  private static final ArgType[] TWO_VALUES = {ArgType.VALUE, ArgType.VALUE};
  private static final ArgType[] ONE_ANY = {ArgType.ANY};

  static final TemplateFunctions BUILTINS = new TemplateFunctions(false);
  static final TemplateFunctions WITH_JSON = new TemplateFunctions(true);

  private final boolean withJson;

  private TemplateFunctions(boolean withJson) {
    this.withJson = withJson;
  }

  boolean has(String name) {
    return lookup(name) != null;
  }

  Func lookup(String name) {
    switch (name) {
      case "and":
      case "or":
      case "index":
      case "slice":
      case "eq":
      case "call":
        return new Func(name, ONE_VALUE, ArgType.VALUE);
      case "not":
      case "len":
        return new Func(name, ONE_VALUE, null);
      case "ne":
      case "lt":
      case "le":
      case "gt":
      case "ge":
        return new Func(name, TWO_VALUES, null);
      case "print":
      case "println":
      case "html":
      case "js":
      case "urlquery":
        return new Func(name, NONE, ArgType.ANY);
      case "printf":
        return new Func(name, new ArgType[] {ArgType.STRING}, ArgType.ANY);
      case "json":
      case "prettyjson":
        return withJson ? new Func(name, ONE_ANY, null) : null;
      default:
        return null;
    }
  }

  /** Calls a function other than and/or, which the executor evaluates lazily. */
  Object call(Func f, List<Object> argv) throws FuncError {
    switch (f.name()) {
      case "not":
        return !truth(argv.get(0));
      case "len":
        return length(argv.get(0));
      case "index":
        return index(argv);
      case "slice":
        return slice(argv);
      case "eq":
        return eq(argv.get(0), argv.subList(1, argv.size()));
      case "ne":
        return !eq(argv.get(0), argv.subList(1, 2));
      case "lt":
        return lt(argv.get(0), argv.get(1));
      case "le":
        return lt(argv.get(0), argv.get(1)) || eq(argv.get(0), argv.subList(1, 2));
      case "gt":
        return !(lt(argv.get(0), argv.get(1)) || eq(argv.get(0), argv.subList(1, 2)));
      case "ge":
        return !lt(argv.get(0), argv.get(1));
      case "print":
        return GoFmt.sprint(argv);
      case "println":
        return GoFmt.sprintln(argv);
      case "printf":
        return GoFmt.sprintf((String) argv.get(0), argv.subList(1, argv.size()));
      case "html":
        return htmlEscape(evalArgs(argv));
      case "js":
        return jsEscape(evalArgs(argv));
      case "urlquery":
        return queryEscape(evalArgs(argv));
      case "json":
        return GoJson.compactSorted(toJson(argv.get(0)));
      case "prettyjson":
        return GoJson.indentedSorted(toJson(argv.get(0)));
      case "call":
        {
          Object fn = indirectInterface(argv.get(0));
          if (fn == INVALID) {
            throw new FuncError("call of nil");
          }
          throw new FuncError("non-function of type " + GoValues.typeName(fn));
        }
      default:
        throw new IllegalStateException(f.name());
    }
  }

  /** A reflect.Value argument holding an interface: null (nil) becomes the invalid value. */
  static Object indirectInterface(Object v) {
    return v == null ? INVALID : v;
  }

  static boolean truth(Object v) {
    return GoValues.isTrue(indirectInterface(v));
  }

  private static Object length(Object item) throws FuncError {
    if (item == null) {
      throw new FuncError("len of nil pointer");
    }
    if (item == INVALID) {
      // Go asks the zero reflect.Value for its type and recovers the panic
      throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
    }
    if (item instanceof String s) {
      return new GoInt(GoValues.utf8Length(s));
    } else if (item instanceof List<?> l) {
      return new GoInt(l.size());
    } else if (item instanceof Map<?, ?> m) {
      return new GoInt(m.size());
    }
    throw new FuncError("len of type " + GoValues.typeName(item));
  }

  private static int indexArg(Object index, int cap) throws FuncError {
    long x;
    if (index instanceof GoInt i) {
      x = i.value();
    } else if (index == INVALID) {
      throw new FuncError("cannot index slice/array with nil");
    } else {
      throw new FuncError("cannot index slice/array with type " + GoValues.typeName(index));
    }
    if (x < 0 || x > cap) {
      throw new FuncError("index out of range: " + x);
    }
    return (int) x;
  }

  private static Object index(List<Object> argv) throws FuncError {
    Object item = indirectInterface(argv.get(0));
    if (item == INVALID) {
      throw new FuncError("index of untyped nil");
    }
    for (int k = 1; k < argv.size(); k++) {
      Object index = indirectInterface(argv.get(k));
      if (item == null) {
        throw new FuncError("index of nil pointer");
      }
      if (item instanceof List<?> list) {
        int x = indexArg(index, list.size());
        if (x == list.size()) {
          throw new FuncError("reflect: slice index out of range");
        }
        item = list.get(x);
      } else if (item instanceof String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int x = indexArg(index, b.length);
        if (x == b.length) {
          throw new FuncError("reflect: string index out of range");
        }
        item = new GoInt(b[x] & 0xff);
      } else if (item instanceof Map<?, ?> map) {
        if (index == INVALID) {
          throw new FuncError("value is nil; should be of type string");
        }
        if (!(index instanceof String key)) {
          throw new FuncError("value has type " + GoValues.typeName(index) + "; should be string");
        }
        item = map.get(key); // a missing key gives the zero value: a nil interface
      } else {
        throw new FuncError("can't index item of type " + GoValues.typeName(item));
      }
    }
    return item;
  }

  private static Object slice(List<Object> argv) throws FuncError {
    Object item = indirectInterface(argv.get(0));
    if (item == INVALID) {
      throw new FuncError("slice of untyped nil");
    }
    int nIndexes = argv.size() - 1;
    if (nIndexes > 3) {
      throw new FuncError("too many slice indexes: " + nIndexes);
    }
    int len;
    byte[] bytes = null;
    if (item instanceof String s) {
      if (nIndexes == 3) {
        throw new FuncError("cannot 3-index slice a string");
      }
      bytes = s.getBytes(StandardCharsets.UTF_8);
      len = bytes.length;
    } else if (item instanceof List<?> l) {
      len = l.size();
    } else {
      throw new FuncError("can't slice item of type " + GoValues.typeName(item));
    }
    int[] idx = {0, len, len};
    for (int k = 0; k < nIndexes; k++) {
      idx[k] = indexArg(indirectInterface(argv.get(k + 1)), len);
    }
    if (idx[0] > idx[1]) {
      throw new FuncError("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (nIndexes == 3 && idx[1] > idx[2]) {
      throw new FuncError("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
    }
    return new ArrayList<Object>(((List<?>) item).subList(idx[0], idx[1]));
  }

  // ---------------------------------------------------------------- comparison

  private static final int INVALID_KIND = 0;
  private static final int BOOL_KIND = 1;
  private static final int INT_KIND = 3;
  private static final int FLOAT_KIND = 4;
  private static final int STRING_KIND = 6;

  private static int basicKind(Object v) {
    if (v instanceof Boolean) {
      return BOOL_KIND;
    } else if (v instanceof GoInt) {
      return INT_KIND;
    } else if (v instanceof Number) {
      return FLOAT_KIND;
    } else if (v instanceof String) {
      return STRING_KIND;
    }
    return INVALID_KIND;
  }

  /** reflect.Kind names only matter for "same kind" tests of the non-basic values. */
  private static String kind(Object v) {
    if (v == INVALID) {
      return "invalid";
    } else if (v instanceof Map) {
      return "map";
    } else if (v instanceof List) {
      return "slice";
    } else if (v instanceof GoStruct) {
      return "struct";
    } else if (v instanceof GoNilPointer) {
      return "ptr";
    }
    return "other";
  }

  private static boolean eq(Object arg1, List<Object> arg2) throws FuncError {
    arg1 = indirectInterface(arg1);
    if (arg2.isEmpty()) {
      throw new FuncError("missing argument for comparison");
    }
    int k1 = basicKind(arg1);
    for (Object arg0 : arg2) {
      Object arg = indirectInterface(arg0);
      int k2 = basicKind(arg);
      boolean truth;
      if (k1 != k2) {
        if (arg1 != INVALID && arg != INVALID) {
          throw new FuncError("incompatible types for comparison");
        }
        truth = false;
      } else {
        switch (k1) {
          case BOOL_KIND:
          case STRING_KIND:
            truth = arg1.equals(arg);
            break;
          case INT_KIND:
            truth = ((GoInt) arg1).value() == ((GoInt) arg).value();
            break;
          case FLOAT_KIND:
            truth = ((Number) arg1).doubleValue() == ((Number) arg).doubleValue();
            break;
          default:
            {
              String kind1 = kind(arg1);
              String kind2 = kind(arg);
              if (!kind1.equals(kind2) && arg1 != INVALID && arg != INVALID) {
                throw new FuncError(
                    GoFmt.sprintf(
                        "non-comparable types %s: %v, %s: %v",
                        List.of(arg1, GoValues.typeName(arg1), GoValues.typeName(arg), arg)));
              }
              if (arg1 == INVALID || arg == INVALID) {
                truth = arg1 == arg;
              } else if (arg instanceof GoStruct || arg instanceof GoNilPointer) {
                truth = arg1.equals(arg);
              } else {
                throw new FuncError(
                    GoFmt.sprintf(
                        "non-comparable type %s: %v", List.of(arg, GoValues.typeName(arg))));
              }
            }
        }
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static boolean lt(Object arg1, Object arg2) throws FuncError {
    arg1 = indirectInterface(arg1);
    int k1 = basicKind(arg1);
    if (k1 == INVALID_KIND) {
      throw new FuncError("invalid type for comparison");
    }
    arg2 = indirectInterface(arg2);
    int k2 = basicKind(arg2);
    if (k2 == INVALID_KIND) {
      throw new FuncError("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new FuncError("incompatible types for comparison");
    }
    switch (k1) {
      case BOOL_KIND:
        throw new FuncError("invalid type for comparison");
      case FLOAT_KIND:
        return ((Number) arg1).doubleValue() < ((Number) arg2).doubleValue();
      case INT_KIND:
        return ((GoInt) arg1).value() < ((GoInt) arg2).value();
      default:
        return GoValues.GO_STRING_ORDER.compare((String) arg1, (String) arg2) < 0;
    }
  }

  // ---------------------------------------------------------------- escaping

  /**
   * fmt.Sprint of the arguments, except that a lone string is taken as is and nil is shown as
   * text/template shows a missing value.
   */
  private static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    List<Object> printable = new ArrayList<>(args.size());
    for (Object a : args) {
      if (a == null) {
        printable.add("<no value>");
      } else if (a instanceof GoStruct s && s.isPointer()) {
        printable.add(GoFmt.sprintDereferenced(s));
      } else {
        printable.add(a);
      }
    }
    return GoFmt.sprint(printable);
  }

  static String htmlEscape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep;
      switch (c) {
        case '"':
          rep = "&#34;";
          break;
        case '\'':
          rep = "&#39;";
          break;
        case '&':
          rep = "&amp;";
          break;
        case '<':
          rep = "&lt;";
          break;
        case '>':
          rep = "&gt;";
          break;
        default:
          rep = null;
      }
      if (rep != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (rep != null) {
          out.append(rep);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  static String jsEscape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      switch (r) {
        case '\\':
          out.append("\\\\");
          break;
        case '\'':
          out.append("\\'");
          break;
        case '"':
          out.append("\\\"");
          break;
        case '<':
          out.append("\\x3C");
          break;
        case '>':
          out.append("\\x3E");
          break;
        default:
          if (r < ' ') {
            out.append("\\u00").append("0123456789ABCDEF".charAt(r >> 4));
            out.append("0123456789ABCDEF".charAt(r & 0xf));
          } else if (r < 0x80 || GoFmt.isPrint(r)) {
            out.appendCodePoint(r);
          } else {
            String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
            out.append("\\u");
            for (int k = hex.length(); k < 4; k++) {
              out.append('0');
            }
            out.append(hex);
          }
      }
    }
    return out.toString();
  }

  /** url.QueryEscape. */
  static String queryEscape(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(b.length + 16);
    for (byte value : b) {
      int c = value & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%')
            .append("0123456789ABCDEF".charAt(c >> 4))
            .append("0123456789ABCDEF".charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /** The value json.Marshal sees: Go ints as numbers, structs as objects. */
  private static Object toJson(Object v) {
    if (v instanceof GoInt i) {
      return i.value();
    } else if (v instanceof GoStruct s) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : s.fields().entrySet()) {
        m.put(e.getKey(), toJson(e.getValue()));
      }
      return m;
    } else if (v instanceof GoNilPointer) {
      return null;
    }
    return v;
  }
}
