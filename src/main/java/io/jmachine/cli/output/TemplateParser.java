package io.jmachine.cli.output;

import io.jmachine.cli.output.TemplateLexer.Item;
import io.jmachine.cli.output.TemplateLexer.Type;
import io.jmachine.cli.output.TemplateTree.ActionNode;
import io.jmachine.cli.output.TemplateTree.BoolNode;
import io.jmachine.cli.output.TemplateTree.BranchNode;
import io.jmachine.cli.output.TemplateTree.ChainNode;
import io.jmachine.cli.output.TemplateTree.CommandNode;
import io.jmachine.cli.output.TemplateTree.DotNode;
import io.jmachine.cli.output.TemplateTree.FieldNode;
import io.jmachine.cli.output.TemplateTree.IdentifierNode;
import io.jmachine.cli.output.TemplateTree.KeywordNode;
import io.jmachine.cli.output.TemplateTree.ListNode;
import io.jmachine.cli.output.TemplateTree.NilNode;
import io.jmachine.cli.output.TemplateTree.Node;
import io.jmachine.cli.output.TemplateTree.NumberNode;
import io.jmachine.cli.output.TemplateTree.PipeNode;
import io.jmachine.cli.output.TemplateTree.StringNode;
import io.jmachine.cli.output.TemplateTree.TextNode;
import io.jmachine.cli.output.TemplateTree.VariableNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/template parser: the same grammar, three-token look-ahead and error messages ({@code
 * template: NAME:LINE: ...}). {@code define}, {@code template} and {@code block} (named
 * sub-templates) are not supported; complex number literals neither.
 */
final class TemplateParser {
  /** A parse error; the message is Go's. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private final String name;
  private final TemplateFunctions functions;
  private final TemplateLexer lex;
  private final Item[] token = new Item[3];
  private int peekCount;
  private final List<String> vars = new ArrayList<>();
  private int actionLine;
  private int rangeDepth;

  private TemplateParser(String name, String text, TemplateFunctions functions) {
    this.name = name;
    this.functions = functions;
    this.lex = new TemplateLexer(text, !functions.has("break"), !functions.has("continue"));
    vars.add("$");
  }

  static ListNode parse(String name, String text, TemplateFunctions functions) {
    return new TemplateParser(name, text, functions).parse();
  }

  // ---------------------------------------------------------------- token stream

  private Item next() {
    if (peekCount > 0) {
      peekCount--;
    } else {
      token[0] = lex.nextItem();
    }
    return token[peekCount];
  }

  private void backup() {
    peekCount++;
  }

  private void backup2(Item t1) {
    token[1] = t1;
    peekCount = 2;
  }

  private void backup3(Item t2, Item t1) {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  }

  private Item peek() {
    if (peekCount > 0) {
      return token[peekCount - 1];
    }
    peekCount = 1;
    token[0] = lex.nextItem();
    return token[0];
  }

  private Item nextNonSpace() {
    Item t;
    do {
      t = next();
    } while (t.type() == Type.SPACE);
    return t;
  }

  private Item peekNonSpace() {
    Item t = nextNonSpace();
    backup();
    return t;
  }

  // ---------------------------------------------------------------- errors

  private ParseError errorf(String message) {
    throw new ParseError("template: " + name + ":" + token[0].line() + ": " + message);
  }

  private Item expect(Type expected, String context) {
    Item t = nextNonSpace();
    if (t.type() != expected) {
      unexpected(t, context);
    }
    return t;
  }

  private void unexpected(Item t, String context) {
    if (t.type() == Type.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != t.line()) {
        extra = " in action started at " + name + ":" + actionLine;
        if (t.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      throw errorf(t + extra);
    }
    throw errorf("unexpected " + t + " in " + context);
  }

  // ---------------------------------------------------------------- grammar

  private ListNode parse() {
    ListNode root = new ListNode(peek().pos());
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        Item delim = next();
        Item t = nextNonSpace();
        if (t.type() == Type.DEFINE) {
          throw errorf("{{define}} is not supported");
        }
        backup2(delim);
      }
      Node n = textOrAction();
      if (isEndOrElse(n)) {
        throw errorf("unexpected " + n);
      }
      root.nodes.add(n);
    }
    return root;
  }

  private static boolean isEndOrElse(Node n) {
    return n instanceof KeywordNode k && (k.keyword.equals("end") || k.keyword.equals("else"));
  }

  /** Returns the list and the {{end}} or {{else}} that closed it. */
  private Node[] itemList() {
    ListNode list = new ListNode(peekNonSpace().pos());
    while (peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (isEndOrElse(n)) {
        return new Node[] {list, n};
      }
      list.nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Item t = nextNonSpace();
    switch (t.type()) {
      case TEXT:
        return new TextNode(t.pos(), t.val());
      case LEFT_DELIM:
        actionLine = t.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        unexpected(t, "input");
        return null;
    }
  }

  private Node action() {
    Item t = nextNonSpace();
    switch (t.type()) {
      case BLOCK:
        throw errorf("{{block}} is not supported");
      case BREAK:
        return breakOrContinue(t, "break");
      case CONTINUE:
        return breakOrContinue(t, "continue");
      case ELSE:
        return elseControl();
      case END:
        return new KeywordNode(expect(Type.RIGHT_DELIM, "end").pos(), "end");
      case IF:
        return parseControl("if");
      case RANGE:
        return parseControl("range");
      case TEMPLATE:
        throw errorf("{{template}} is not supported");
      case WITH:
        return parseControl("with");
      default:
        break;
    }
    backup();
    Item first = peek();
    return new ActionNode(first.pos(), pipeline("command", Type.RIGHT_DELIM));
  }

  private Node breakOrContinue(Item keyword, String word) {
    Item t = nextNonSpace();
    if (t.type() != Type.RIGHT_DELIM) {
      unexpected(t, "{{" + word + "}}");
    }
    if (rangeDepth == 0) {
      throw errorf("{{" + word + "}} outside {{range}}");
    }
    return new KeywordNode(keyword.pos(), word);
  }

  private Node elseControl() {
    Item p = peekNonSpace();
    if (p.type() == Type.IF) {
      // "{{else if ...": the "if" stays pending for parseControl
      return new KeywordNode(p.pos(), "else");
    }
    Item t = expect(Type.RIGHT_DELIM, "else");
    return new KeywordNode(t.pos(), "else");
  }

  private BranchNode parseControl(String context) {
    int varsMark = vars.size();
    try {
      PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
      if (context.equals("range")) {
        rangeDepth++;
      }
      Node[] listAndNext = itemList();
      if (context.equals("range")) {
        rangeDepth--;
      }
      ListNode list = (ListNode) listAndNext[0];
      Node next = listAndNext[1];
      ListNode elseList = null;
      if (((KeywordNode) next).keyword.equals("else")) {
        if (context.equals("if") && peek().type() == Type.IF) {
          next();
          elseList = new ListNode(next.pos);
          elseList.nodes.add(parseControl("if"));
        } else {
          Node[] elseAndNext = itemList();
          elseList = (ListNode) elseAndNext[0];
          if (!((KeywordNode) elseAndNext[1]).keyword.equals("end")) {
            throw errorf("expected end; found " + elseAndNext[1]);
          }
        }
      }
      return new BranchNode(context, pipe, list, elseList);
    } finally {
      while (vars.size() > varsMark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  private PipeNode pipeline(String context, Type end) {
    Item first = peekNonSpace();
    PipeNode pipe = new PipeNode(first.pos(), first.line());
    decls:
    while (true) {
      Item v = peekNonSpace();
      if (v.type() == Type.VARIABLE) {
        next();
        // "$x foo" is an argument, "$x :=" a declaration: look at what follows
        Item tokenAfterVariable = peek();
        Item following = peekNonSpace();
        if (following.type() == Type.ASSIGN || following.type() == Type.DECLARE) {
          pipe.isAssign = following.type() == Type.ASSIGN;
          nextNonSpace();
          pipe.decl.add(new VariableNode(v.pos(), v.val()));
          vars.add(v.val());
        } else if (following.type() == Type.CHAR && following.val().equals(",")) {
          nextNonSpace();
          pipe.decl.add(new VariableNode(v.pos(), v.val()));
          vars.add(v.val());
          if (context.equals("range") && pipe.decl.size() < 2) {
            Type t = peekNonSpace().type();
            if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
              continue decls; // the second variable of a range
            }
            throw errorf("range can only initialize variables");
          }
          throw errorf("too many declarations in " + context);
        } else if (tokenAfterVariable.type() == Type.SPACE) {
          backup3(v, tokenAfterVariable);
        } else {
          backup2(v);
        }
      }
      break;
    }
    while (true) {
      Item t = nextNonSpace();
      if (t.type() == end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type()) {
        case BOOL:
        case CHAR_CONSTANT:
        case COMPLEX:
        case DOT:
        case FIELD:
        case IDENTIFIER:
        case NUMBER:
        case NIL:
        case RAW_STRING:
        case STRING:
        case VARIABLE:
        case LEFT_PAREN:
          backup();
          pipe.cmds.add(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    if (pipe.cmds.isEmpty()) {
      throw errorf("missing value for " + context);
    }
    for (int i = 1; i < pipe.cmds.size(); i++) {
      Node first = pipe.cmds.get(i).args.get(0);
      if (first instanceof BoolNode
          || first instanceof DotNode
          || first instanceof NilNode
          || first instanceof NumberNode
          || first instanceof StringNode) {
        throw errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private CommandNode command() {
    CommandNode cmd = new CommandNode(peekNonSpace().pos());
    while (true) {
      peekNonSpace(); // skip leading spaces
      Node operand = operand();
      if (operand != null) {
        cmd.args.add(operand);
      }
      Item t = next();
      switch (t.type()) {
        case SPACE:
          continue;
        case RIGHT_DELIM:
        case RIGHT_PAREN:
          backup();
          break;
        case PIPE:
          break;
        default:
          unexpected(t, "operand");
      }
      break;
    }
    if (cmd.args.isEmpty()) {
      throw errorf("empty command");
    }
    return cmd;
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == Type.FIELD) {
      ChainNode chain = new ChainNode(peek().pos(), node);
      while (peek().type() == Type.FIELD) {
        chain.add(next().val());
      }
      // fields after a field or variable extend it; literals cannot have fields
      if (node instanceof FieldNode) {
        return new FieldNode(chain.pos, chain.toString());
      } else if (node instanceof VariableNode) {
        return new VariableNode(chain.pos, chain.toString());
      } else if (node instanceof BoolNode
          || node instanceof StringNode
          || node instanceof NumberNode
          || node instanceof NilNode
          || node instanceof DotNode) {
        throw errorf("unexpected . after term " + GoFmt.quote(node.toString(), false));
      }
      return chain;
    }
    return node;
  }

  private Node term() {
    Item t = nextNonSpace();
    switch (t.type()) {
      case IDENTIFIER:
        if (!functions.has(t.val())) {
          throw errorf("function " + GoFmt.quote(t.val(), false) + " not defined");
        }
        return new IdentifierNode(t.pos(), t.val());
      case DOT:
        return new DotNode(t.pos());
      case NIL:
        return new NilNode(t.pos());
      case VARIABLE:
        return useVar(t.pos(), t.val());
      case FIELD:
        return new FieldNode(t.pos(), t.val());
      case BOOL:
        return new BoolNode(t.pos(), t.val().equals("true"));
      case CHAR_CONSTANT:
      case COMPLEX:
      case NUMBER:
        return newNumber(t.pos(), t.val(), t.type());
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      case STRING:
      case RAW_STRING:
        {
          String s = unquote(t.val());
          if (s == null) {
            throw errorf("invalid syntax");
          }
          return new StringNode(t.pos(), t.val(), s);
        }
      default:
        backup();
        return null;
    }
  }

  private Node useVar(int pos, String text) {
    VariableNode v = new VariableNode(pos, text);
    if (!vars.contains(v.ident[0])) {
      throw errorf("undefined variable " + GoFmt.quote(v.ident[0], false));
    }
    return v;
  }

  // ---------------------------------------------------------------- literals

  private NumberNode newNumber(int pos, String text, Type type) {
    NumberNode n = new NumberNode(pos, text);
    if (type == Type.CHAR_CONSTANT) {
      long[] r = unquoteChar(text, 1, '\'');
      if (r == null) {
        throw errorf("invalid syntax");
      }
      if (r[1] != text.length() - 1 || text.charAt(text.length() - 1) != '\'') {
        throw errorf("malformed character constant: " + text);
      }
      n.isInt = true;
      n.isUint = true;
      n.isFloat = true;
      n.intValue = r[0];
      n.floatValue = r[0];
      return n;
    }
    if (type == Type.COMPLEX || text.endsWith("i")) {
      throw errorf("complex numbers are not supported: " + GoFmt.quote(text, false));
    }
    Long u = parseInteger(text, false);
    Long i = parseInteger(text, true);
    if (u != null) {
      n.isUint = true;
    }
    if (i != null) {
      n.isInt = true;
      n.intValue = i;
    }
    if (n.isInt) {
      n.isFloat = true;
      n.floatValue = n.intValue;
    } else if (n.isUint) {
      n.isFloat = true;
      n.floatValue = Double.parseDouble(Long.toUnsignedString(u));
    } else {
      Double f = parseFloat(text);
      if (f != null) {
        if (!containsAny(text, ".eEpP")) {
          throw errorf("integer overflow: " + GoFmt.quote(text, false));
        }
        n.isFloat = true;
        n.floatValue = f;
        if (f == Math.rint(f) && Math.abs(f) < 0x1p63) {
          n.isInt = true;
          n.intValue = (long) (double) f;
        }
        if (f == Math.rint(f) && f >= 0 && f < 0x1p64) {
          n.isUint = true;
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) {
      throw errorf("illegal number syntax: " + GoFmt.quote(text, false));
    }
    return n;
  }

  static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** strconv.ParseInt(s, 0, 64) or ParseUint; null when not a valid integer in range. */
  private static Long parseInteger(String s, boolean signed) {
    if (s.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean neg = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      if (!signed) {
        return null;
      }
      neg = s.charAt(0) == '-';
      i = 1;
    }
    if (s.indexOf('_') >= 0 && !underscoreOk(s)) {
      return null;
    }
    int base = 10;
    if (s.length() - i >= 2 && s.charAt(i) == '0') {
      char p = Character.toLowerCase(s.charAt(i + 1));
      if (p == 'x') {
        base = 16;
        i += 2;
      } else if (p == 'o') {
        base = 8;
        i += 2;
      } else if (p == 'b') {
        base = 2;
        i += 2;
      } else {
        base = 8;
        i += 1;
      }
    }
    java.math.BigInteger value = java.math.BigInteger.ZERO;
    java.math.BigInteger b = java.math.BigInteger.valueOf(base);
    boolean any = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        continue;
      }
      int d = Character.digit(c, base);
      if (d < 0 || c > 0x7f) {
        return null;
      }
      value = value.multiply(b).add(java.math.BigInteger.valueOf(d));
      any = true;
    }
    if (!any && base != 8) {
      return null;
    }
    if (neg) {
      value = value.negate();
    }
    if (signed) {
      return value.bitLength() <= 63 ? value.longValue() : null;
    }
    return value.signum() >= 0 && value.bitLength() <= 64 ? value.longValue() : null;
  }

  /** Go's rule: underscores only between digits, or between a base prefix and a digit. */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'b' || p == 'o' || p == 'x') {
        i = 2;
        saw = '0';
        hex = p == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lc = Character.toLowerCase(c);
      if ((c >= '0' && c <= '9') || (hex && lc >= 'a' && lc <= 'f')) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  /** strconv.ParseFloat(s, 64) for the literals the lexer produces; null when invalid. */
  private static Double parseFloat(String s) {
    if (s.indexOf('_') >= 0) {
      if (!underscoreOk(s)) {
        return null;
      }
      s = s.replace("_", "");
    }
    String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean hex = body.length() >= 2 && body.charAt(0) == '0' && (body.charAt(1) | 0x20) == 'x';
    if (hex && !containsAny(body, "pP")) {
      return null; // a hexadecimal mantissa requires a 'p' exponent
    }
    if (!hex && containsAny(body, "oObB")) {
      return null;
    }
    if (body.isEmpty() || body.equals(".")) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * strconv.UnquoteChar at {@code s[i]}: returns {value, next index, isByte(1/0)} or null on a
   * syntax error.
   */
  static long[] unquoteChar(String s, int i, char quote) {
    if (i >= s.length()) {
      return null;
    }
    int c = s.codePointAt(i);
    if (c == quote && (quote == '\'' || quote == '"')) {
      return null;
    }
    if (c != '\\') {
      return new long[] {c, i + Character.charCount(c), 0};
    }
    if (i + 1 >= s.length()) {
      return null;
    }
    char e = s.charAt(i + 1);
    i += 2;
    switch (e) {
      case 'a':
        return new long[] {7, i, 0};
      case 'b':
        return new long[] {'\b', i, 0};
      case 'f':
        return new long[] {'\f', i, 0};
      case 'n':
        return new long[] {'\n', i, 0};
      case 'r':
        return new long[] {'\r', i, 0};
      case 't':
        return new long[] {'\t', i, 0};
      case 'v':
        return new long[] {0x0B, i, 0};
      case 'x':
      case 'u':
      case 'U':
        {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + n > s.length()) {
            return null;
          }
          long v = 0;
          for (int k = 0; k < n; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0 || s.charAt(i + k) > 0x7f) {
              return null;
            }
            v = (v << 4) | d;
          }
          i += n;
          if (e == 'x') {
            return new long[] {v, i, 1};
          }
          if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
            return null;
          }
          return new long[] {v, i, 0};
        }
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        {
          long v = e - '0';
          if (i + 2 > s.length()) {
            return null;
          }
          for (int k = 0; k < 2; k++) {
            int d = s.charAt(i + k) - '0';
            if (d < 0 || d > 7) {
              return null;
            }
            v = (v << 3) | d;
          }
          i += 2;
          if (v > 255) {
            return null;
          }
          return new long[] {v, i, 1};
        }
      case '\\':
        return new long[] {'\\', i, 0};
      case '\'':
      case '"':
        if (e != quote) {
          return null;
        }
        return new long[] {e, i, 0};
      default:
        return null;
    }
  }

  /** strconv.Unquote of a "..." or `...` literal; null on a syntax error. */
  static String unquote(String q) {
    if (q.length() < 2) {
      return null;
    }
    char quote = q.charAt(0);
    if (quote != q.charAt(q.length() - 1)) {
      return null;
    }
    String body = q.substring(1, q.length() - 1);
    if (quote == '`') {
      if (body.indexOf('`') >= 0) {
        return null;
      }
      return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
    }
    if (quote != '"') {
      return null;
    }
    if (body.indexOf('\\') < 0 && body.indexOf('"') < 0 && body.indexOf('\n') < 0) {
      return body;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length() + 8);
    for (int i = 0; i < body.length(); ) {
      if (body.charAt(i) == '\n') {
        return null;
      }
      long[] r = unquoteChar(body, i, '"');
      if (r == null) {
        return null;
      }
      if (r[2] == 1) {
        bytes.write((int) r[0]);
      } else {
        byte[] enc = new String(Character.toChars((int) r[0])).getBytes(StandardCharsets.UTF_8);
        bytes.write(enc, 0, enc.length);
      }
      i = (int) r[1];
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }
}
