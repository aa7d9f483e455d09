package io.jmachine.cli.output;

/**
 * The scanner of Go's text/template, a hand-written state machine with the same tokens, trim
 * markers ({@code {{- } and {@code -}}}), comment rules and error texts. Positions are char offsets
 * into the template; lines count from 1.
 */
final class TemplateLexer {
  enum Type {
    ERROR,
    BOOL,
    CHAR,
    CHAR_CONSTANT,
    COMPLEX,
    ASSIGN,
    DECLARE,
    EOF,
    FIELD,
    IDENTIFIER,
    LEFT_DELIM,
    LEFT_PAREN,
    NUMBER,
    PIPE,
    RAW_STRING,
    RIGHT_DELIM,
    RIGHT_PAREN,
    SPACE,
    STRING,
    TEXT,
    VARIABLE,
    // keywords
    BLOCK,
    BREAK,
    CONTINUE,
    DOT,
    DEFINE,
    ELSE,
    END,
    IF,
    NIL,
    RANGE,
    TEMPLATE,
    WITH;

    boolean isKeyword() {
      return ordinal() >= BLOCK.ordinal();
    }
  }

  /** A token; {@link #toString()} is how Go quotes it in "unexpected ..." errors. */
  record Item(Type type, int pos, String val, int line) {
    @Override
    public String toString() {
      if (type == Type.EOF) {
        return "EOF";
      } else if (type == Type.ERROR) {
        return val;
      } else if (type.isKeyword()) {
        return "<" + val + ">";
      } else if (val.codePointCount(0, val.length()) > 10) {
        return GoFmt.quote(val.substring(0, val.offsetByCodePoints(0, 10)), false) + "...";
      }
      return GoFmt.quote(val, false);
    }
  }

  private enum State {
    TEXT,
    LEFT_DELIM,
    COMMENT,
    RIGHT_DELIM,
    INSIDE_ACTION,
    SPACE,
    IDENTIFIER,
    FIELD,
    VARIABLE,
    CHAR,
    NUMBER,
    QUOTE,
    RAW_QUOTE
  }

  private static final int EOF = -1;
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";

  private String input;
  private int pos;
  private int start;
  private boolean atEof;
  private int parenDepth;
  private int line = 1;
  private int startLine = 1;
  private Item item;
  private boolean insideAction;
  private final boolean breakOk;
  private final boolean continueOk;

  TemplateLexer(String input, boolean breakOk, boolean continueOk) {
    this.input = input;
    this.breakOk = breakOk;
    this.continueOk = continueOk;
  }

  Item nextItem() {
    item = new Item(Type.EOF, pos, "EOF", startLine);
    State state = insideAction ? State.INSIDE_ACTION : State.TEXT;
    while (state != null) {
      state = step(state);
    }
    return item;
  }

  private State step(State state) {
    switch (state) {
      case TEXT:
        return lexText();
      case LEFT_DELIM:
        return lexLeftDelim();
      case COMMENT:
        return lexComment();
      case RIGHT_DELIM:
        return lexRightDelim();
      case INSIDE_ACTION:
        return lexInsideAction();
      case SPACE:
        return lexSpace();
      case IDENTIFIER:
        return lexIdentifier();
      case FIELD:
        return lexFieldOrVariable(Type.FIELD);
      case VARIABLE:
        return atTerminator() ? emit(Type.VARIABLE) : lexFieldOrVariable(Type.VARIABLE);
      case CHAR:
        return lexQuoted('\'', Type.CHAR_CONSTANT, "unterminated character constant");
      case NUMBER:
        return lexNumber();
      case QUOTE:
        return lexQuoted('"', Type.STRING, "unterminated quoted string");
      case RAW_QUOTE:
        return lexRawQuote();
      default:
        throw new IllegalStateException(state.name());
    }
  }

  // ---------------------------------------------------------------- primitives

  private int next() {
    if (pos >= input.length()) {
      atEof = true;
      return EOF;
    }
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    if (r == '\n') {
      line++;
    }
    return r;
  }

  private int peek() {
    int r = next();
    backup();
    return r;
  }

  private void backup() {
    if (!atEof && pos > 0) {
      int r = input.codePointBefore(pos);
      pos -= Character.charCount(r);
      if (r == '\n') {
        line--;
      }
    }
  }

  private Item thisItem(Type t) {
    Item i = new Item(t, start, input.substring(start, pos), startLine);
    start = pos;
    startLine = line;
    return i;
  }

  private State emit(Type t) {
    return emitItem(thisItem(t));
  }

  private State emitItem(Item i) {
    item = i;
    return null;
  }

  private void ignore() {
    line += countNewlines(start, pos);
    start = pos;
    startLine = line;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  private void acceptRun(String valid) {
    int r = next();
    while (r != EOF && valid.indexOf(r) >= 0) {
      r = next();
    }
    backup();
  }

  private State errorf(String message) {
    item = new Item(Type.ERROR, start, message, startLine);
    start = 0;
    pos = 0;
    input = "";
    return null;
  }

  private int countNewlines(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (input.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- states

  private State lexText() {
    int x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        int trimLength = 0;
        int delimEnd = pos + LEFT.length();
        if (hasLeftTrimMarker(delimEnd)) {
          trimLength = rightTrimLength(start, pos);
        }
        pos -= trimLength;
        line += countNewlines(start, pos);
        Item i = thisItem(Type.TEXT);
        pos += trimLength;
        ignore();
        if (!i.val().isEmpty()) {
          return emitItem(i);
        }
      }
      return State.LEFT_DELIM;
    }
    pos = input.length();
    if (pos > start) {
      line += countNewlines(start, pos);
      return emit(Type.TEXT);
    }
    return emit(Type.EOF);
  }

  private int rightTrimLength(int from, int to) {
    int i = to;
    while (i > from && isSpace(input.charAt(i - 1))) {
      i--;
    }
    return to - i;
  }

  private int leftTrimLength(int from) {
    int i = from;
    while (i < input.length() && isSpace(input.charAt(i))) {
      i++;
    }
    return i - from;
  }

  /** 1 = at the right delimiter, 2 = at " -}}" (with trim marker), 0 = neither. */
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return input.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at >= 0
        && at + 1 < input.length()
        && isSpace(input.charAt(at))
        && input.charAt(at + 1) == '-';
  }

  private State lexLeftDelim() {
    pos += LEFT.length();
    boolean trimSpace = hasLeftTrimMarker(pos);
    int afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return State.COMMENT;
    }
    Item i = thisItem(Type.LEFT_DELIM);
    insideAction = true;
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return emitItem(i);
  }

  private State lexComment() {
    pos += 2;
    int x = input.indexOf("*/", pos);
    if (x < 0) {
      return errorf("unclosed comment");
    }
    pos = x + 2;
    int delim = atRightDelim();
    if (delim == 0) {
      return errorf("comment ends before closing delimiter");
    }
    line += countNewlines(start, pos);
    thisItem(Type.TEXT); // comments are not handed to the parser
    if (delim == 2) {
      pos += 2;
    }
    pos += RIGHT.length();
    if (delim == 2) {
      pos += leftTrimLength(pos);
    }
    ignore();
    return State.TEXT;
  }

  private State lexRightDelim() {
    boolean trimSpace = atRightDelim() == 2;
    if (trimSpace) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length();
    Item i = thisItem(Type.RIGHT_DELIM);
    if (trimSpace) {
      pos += leftTrimLength(pos);
      ignore();
    }
    insideAction = false;
    return emitItem(i);
  }

  private State lexInsideAction() {
    if (atRightDelim() != 0) {
      if (parenDepth == 0) {
        return State.RIGHT_DELIM;
      }
      return errorf("unclosed left paren");
    }
    int r = next();
    if (r == EOF) {
      return errorf("unclosed action");
    } else if (isSpace(r)) {
      backup(); // put the space back in case it starts " -}}"
      return State.SPACE;
    } else if (r == '=') {
      return emit(Type.ASSIGN);
    } else if (r == ':') {
      if (next() != '=') {
        return errorf("expected :=");
      }
      return emit(Type.DECLARE);
    } else if (r == '|') {
      return emit(Type.PIPE);
    } else if (r == '"') {
      return State.QUOTE;
    } else if (r == '`') {
      return State.RAW_QUOTE;
    } else if (r == '$') {
      return State.VARIABLE;
    } else if (r == '\'') {
      return State.CHAR;
    } else if (r == '.') {
      // ".field" unless a digit follows, when '.' starts a number
      if (pos < input.length()) {
        char c = input.charAt(pos);
        if (c < '0' || '9' < c) {
          return State.FIELD;
        }
      }
      backup();
      return State.NUMBER;
    } else if (r == '+' || r == '-' || ('0' <= r && r <= '9')) {
      backup();
      return State.NUMBER;
    } else if (isAlphaNumeric(r)) {
      backup();
      return State.IDENTIFIER;
    } else if (r == '(') {
      parenDepth++;
      return emit(Type.LEFT_PAREN);
    } else if (r == ')') {
      parenDepth--;
      if (parenDepth < 0) {
        return errorf("unexpected right paren");
      }
      return emit(Type.RIGHT_PAREN);
    } else if (r <= 0x7f && GoFmt.isPrint(r)) {
      return emit(Type.CHAR);
    }
    return errorf("unrecognized character in action: " + GoFmt.unicodeName(r));
  }

  private State lexSpace() {
    int numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    // a trim-marked right delimiter starts with a space: leave it for lexRightDelim
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
      backup();
      if (numSpaces == 1) {
        return State.RIGHT_DELIM;
      }
    }
    return emit(Type.SPACE);
  }

  private State lexIdentifier() {
    while (true) {
      int r = next();
      if (isAlphaNumeric(r)) {
        continue;
      }
      backup();
      String word = input.substring(start, pos);
      if (!atTerminator()) {
        return errorf("bad character " + GoFmt.unicodeName(r));
      }
      Type keyword = keyword(word);
      if (keyword != null) {
        if ((keyword == Type.BREAK && !breakOk) || (keyword == Type.CONTINUE && !continueOk)) {
          return emit(Type.IDENTIFIER);
        }
        return emit(keyword);
      } else if (word.equals("true") || word.equals("false")) {
        return emit(Type.BOOL);
      }
      return emit(Type.IDENTIFIER);
    }
  }

  private static Type keyword(String word) {
    switch (word) {
      case "block":
        return Type.BLOCK;
      case "break":
        return Type.BREAK;
      case "continue":
        return Type.CONTINUE;
      case "define":
        return Type.DEFINE;
      case "else":
        return Type.ELSE;
      case "end":
        return Type.END;
      case "if":
        return Type.IF;
      case "range":
        return Type.RANGE;
      case "nil":
        return Type.NIL;
      case "template":
        return Type.TEMPLATE;
      case "with":
        return Type.WITH;
      default:
        return null;
    }
  }

  private State lexFieldOrVariable(Type type) {
    if (atTerminator()) { // nothing interesting follows: "." or "$"
      return emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
    }
    int r;
    while (true) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (!atTerminator()) {
      return errorf("bad character " + GoFmt.unicodeName(r));
    }
    return emit(type);
  }

  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case EOF:
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
      default:
        return input.startsWith(RIGHT, pos);
    }
  }

  private State lexQuoted(char quote, Type type, String unterminated) {
    while (true) {
      int r = next();
      if (r == '\\') {
        r = next();
        if (r != EOF && r != '\n') {
          continue;
        }
        return errorf(unterminated);
      } else if (r == EOF || r == '\n') {
        return errorf(unterminated);
      } else if (r == quote) {
        return emit(type);
      }
    }
  }

  private State lexRawQuote() {
    while (true) {
      int r = next();
      if (r == EOF) {
        return errorf("unterminated raw quoted string");
      } else if (r == '`') {
        return emit(Type.RAW_STRING);
      }
    }
  }

  private State lexNumber() {
    if (!scanNumber()) {
      return errorf("bad number syntax: " + GoFmt.quote(input.substring(start, pos), false));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      // complex: 1+2i, no spaces, must end in 'i'
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return errorf("bad number syntax: " + GoFmt.quote(input.substring(start, pos), false));
      }
      return emit(Type.COMPLEX);
    }
    return emit(Type.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || (r >= 0 && (Character.isLetter(r) || Character.isDigit(r)));
  }
}
