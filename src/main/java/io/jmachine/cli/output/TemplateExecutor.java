package io.jmachine.cli.output;

import static io.jmachine.cli.output.GoValues.INVALID;
import static io.jmachine.cli.output.GoValues.MISSING;

import io.jmachine.cli.output.GoValues.GoInt;
import io.jmachine.cli.output.TemplateFunctions.ArgType;
import io.jmachine.cli.output.TemplateFunctions.Func;
import io.jmachine.cli.output.TemplateFunctions.FuncError;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a parsed template over a value, as Go's text/template exec.go does: the same evaluation
 * order, the same notion of "the node being evaluated" for error positions, and the same
 * distinction between a missing map key (no value) and a nil interface.
 */
final class TemplateExecutor {
  /** An execution error; the message is Go's. */
  static final class ExecError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecError(String message) {
      super(message, null, false, false);
    }
  }

  private static final int NONE = 0;
  private static final int BREAK = 1;
  private static final int CONTINUE = 2;

  private final String name;
  private final String text;
  private final TemplateFunctions functions;
  private final StringBuilder out;
  private Node node;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();

  private TemplateExecutor(
      String name, String text, TemplateFunctions functions, StringBuilder out) {
    this.name = name;
    this.text = text;
    this.functions = functions;
    this.out = out;
  }

  static void execute(
      String name,
      String text,
      ListNode root,
      TemplateFunctions functions,
      Object data,
      StringBuilder out) {
    TemplateExecutor s = new TemplateExecutor(name, text, functions, out);
    Object value = data == null ? INVALID : data;
    s.push("$", value);
    s.walk(value, root);
  }

  // ---------------------------------------------------------------- variables

  private void push(String varName, Object value) {
    varNames.add(varName);
    varValues.add(value);
  }

  private int mark() {
    return varNames.size();
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varValues.remove(varValues.size() - 1);
    }
  }

  private void setVar(String varName, Object value) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(varName)) {
        varValues.set(i, value);
        return;
      }
    }
    throw errorf("undefined variable: " + varName);
  }

  private void setTopVar(int n, Object value) {
    varValues.set(varValues.size() - n, value);
  }

  private Object varValue(String varName) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(varName)) {
        return varValues.get(i);
      }
    }
    throw errorf("undefined variable: " + varName);
  }

  // ---------------------------------------------------------------- errors

  private void at(Node n) {
    node = n;
  }

  private ExecError errorf(String message) {
    if (node == null) {
      return new ExecError("template: " + name + ": " + message);
    }
    int pos = node.pos;
    int nl = text.lastIndexOf('\n', pos - 1);
    int byteNum =
        nl < 0
            ? GoValues.utf8Length(text.subSequence(0, pos))
            : GoValues.utf8Length(text.subSequence(nl + 1, pos));
    int lineNum = 1;
    for (int i = 0; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        lineNum++;
      }
    }
    return new ExecError(
        "template: "
            + name
            + ":"
            + lineNum
            + ":"
            + byteNum
            + ": executing "
            + GoFmt.quote(name, false)
            + " at <"
            + node
            + ">: "
            + message);
  }

  // ---------------------------------------------------------------- walking

  private int walk(Object dot, Node n) {
    at(n);
    if (n instanceof ActionNode a) {
      // variables declared here persist until the enclosing {{end}}; a declaration prints nothing
      Object val = evalPipeline(dot, a.pipe);
      if (a.pipe.decl.isEmpty()) {
        printValue(a, val);
      }
    } else if (n instanceof TextNode t) {
      out.append(t.text);
    } else if (n instanceof ListNode list) {
      for (Node child : list.nodes) {
        int signal = walk(dot, child);
        if (signal != NONE) {
          return signal;
        }
      }
    } else if (n instanceof BranchNode b) {
      if (b.keyword.equals("range")) {
        return walkRange(dot, b);
      }
      return walkIfOrWith(b.keyword.equals("with"), dot, b);
    } else if (n instanceof KeywordNode k) {
      return k.keyword.equals("break") ? BREAK : CONTINUE;
    } else {
      throw errorf("unknown node: " + n);
    }
    return NONE;
  }

  private int walkIfOrWith(boolean with, Object dot, BranchNode b) {
    int mark = mark();
    try {
      Object val = evalPipeline(dot, b.pipe);
      if (GoValues.isTrue(TemplateFunctions.indirectInterface(val))) {
        return walk(with ? val : dot, b.list);
      } else if (b.elseList != null) {
        return walk(dot, b.elseList);
      }
      return NONE;
    } finally {
      pop(mark);
    }
  }

  private int walkRange(Object dot, BranchNode r) {
    at(r);
    int outerMark = mark();
    try {
      Object val = evalPipeline(dot, r.pipe);
      int mark = mark();
      if (val instanceof List<?> list) {
        if (!list.isEmpty()) {
          for (int i = 0; i < list.size(); i++) {
            if (oneIteration(r, mark, new GoInt(i), list.get(i)) == BREAK) {
              break;
            }
          }
          return NONE;
        }
      } else if (val instanceof Map<?, ?> map) {
        if (!map.isEmpty()) {
          for (String key : GoValues.sortedKeys(map)) {
            if (oneIteration(r, mark, key, map.get(key)) == BREAK) {
              break;
            }
          }
          return NONE;
        }
      } else if (val != INVALID) {
        throw errorf("range can't iterate over " + GoFmt.sprintDereferenced(val));
      }
      if (r.elseList != null) {
        return walk(dot, r.elseList);
      }
      return NONE;
    } finally {
      pop(outerMark);
    }
  }

  private int oneIteration(BranchNode r, int mark, Object index, Object elem) {
    List<VariableNode> decl = r.pipe.decl;
    if (r.pipe.isAssign) {
      if (decl.size() > 1) {
        setVar(decl.get(0).ident[0], index);
        setVar(decl.get(1).ident[0], elem);
      } else if (decl.size() == 1) {
        setVar(decl.get(0).ident[0], elem);
      }
    } else {
      if (!decl.isEmpty()) {
        setTopVar(1, elem); // lexically the last variable: the element
      }
      if (decl.size() > 1) {
        setTopVar(2, index);
      }
    }
    try {
      return walk(elem, r.list);
    } finally {
      pop(mark);
    }
  }

  // ---------------------------------------------------------------- evaluation

  private Object evalPipeline(Object dot, PipeNode pipe) {
    if (pipe == null) {
      return INVALID;
    }
    at(pipe);
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds) {
      value = evalCommand(dot, cmd, value);
      if (value == null) {
        value = INVALID; // a nil interface{} has no value
      }
    }
    for (VariableNode v : pipe.decl) {
      if (pipe.isAssign) {
        setVar(v.ident[0], value);
      } else {
        push(v.ident[0], value);
      }
    }
    return value;
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args.get(0);
    if (first instanceof FieldNode f) {
      return evalFieldNode(dot, f, cmd.args, fin);
    } else if (first instanceof ChainNode c) {
      return evalChainNode(dot, c, cmd.args, fin);
    } else if (first instanceof IdentifierNode id) {
      return evalFunction(dot, id, cmd, cmd.args, fin);
    } else if (first instanceof PipeNode p) {
      notAFunction(cmd.args, fin);
      return evalPipeline(dot, p);
    } else if (first instanceof VariableNode v) {
      return evalVariableNode(dot, v, cmd.args, fin);
    }
    at(first);
    notAFunction(cmd.args, fin);
    if (first instanceof BoolNode b) {
      return b.value;
    } else if (first instanceof DotNode) {
      return dot;
    } else if (first instanceof NilNode) {
      throw errorf("nil is not a command");
    } else if (first instanceof NumberNode n) {
      return idealConstant(n);
    } else if (first instanceof StringNode s) {
      return s.text;
    }
    throw errorf("can't evaluate command " + GoFmt.quote(first.toString(), false));
  }

  private Object idealConstant(NumberNode n) {
    at(n);
    String t = n.text;
    boolean hexInt =
        t.length() > 2
            && t.charAt(0) == '0'
            && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
            && !TemplateParser.containsAny(t, "pP");
    boolean runeInt = !t.isEmpty() && t.charAt(0) == '\'';
    if (n.isFloat && !hexInt && !runeInt && TemplateParser.containsAny(t, ".eEpP")) {
      return n.floatValue;
    } else if (n.isInt) {
      return new GoInt(n.intValue);
    } else if (n.isUint) {
      throw errorf(t + " overflows int");
    }
    return INVALID;
  }

  private Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
    at(field);
    return evalFieldChain(dot, dot, field, field.ident, 0, args, fin);
  }

  private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
    at(chain);
    if (chain.node instanceof NilNode) {
      throw errorf("indirection through explicit nil in " + chain);
    }
    Object pipe = evalArg(dot, null, chain.node);
    return evalFieldChain(dot, pipe, chain, chain.fields.toArray(new String[0]), 0, args, fin);
  }

  private Object evalVariableNode(Object dot, VariableNode v, List<Node> args, Object fin) {
    at(v);
    Object value = varValue(v.ident[0]);
    if (v.ident.length == 1) {
      notAFunction(args == null ? List.of(v) : args, fin);
      return value;
    }
    return evalFieldChain(dot, value, v, v.ident, 1, args, fin);
  }

  private Object evalFieldChain(
      Object dot, Object receiver, Node n, String[] ident, int from, List<Node> args, Object fin) {
    int last = ident.length - 1;
    for (int i = from; i < last; i++) {
      receiver = evalField(ident[i], null, MISSING, receiver);
    }
    return evalField(ident[last], args, fin, receiver);
  }

  private Object evalField(String fieldName, List<Node> args, Object fin, Object receiver) {
    if (receiver == INVALID) {
      return INVALID;
    }
    if (receiver == null) {
      throw errorf("nil pointer evaluating interface {}." + fieldName);
    }
    if (receiver instanceof GoNilPointer p) {
      throw errorf("nil pointer evaluating " + p.type() + "." + fieldName);
    }
    boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
    if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw errorf(fieldName + " is not a method but has arguments");
      }
      Object result = map.get(fieldName);
      if (result == null && !map.containsKey(fieldName)) {
        return INVALID;
      }
      return result;
    } else if (receiver instanceof GoStruct s && s.fields().containsKey(fieldName)) {
      if (hasArgs) {
        throw errorf(fieldName + " has arguments but cannot be invoked as function");
      }
      return s.fields().get(fieldName);
    }
    throw errorf("can't evaluate field " + fieldName + " in type " + GoValues.typeName(receiver));
  }

  private Object evalFunction(
      Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
    at(id);
    Func f = functions.lookup(id.ident);
    if (f == null) {
      throw errorf(GoFmt.quote(id.ident, false) + " is not a defined function");
    }
    return evalCall(dot, f, cmd, args, fin);
  }

  private Object evalCall(Object dot, Func f, Node n, List<Node> args, Object fin) {
    List<Node> argNodes = args == null ? List.of() : args.subList(1, args.size());
    int numIn = argNodes.size() + (fin != MISSING ? 1 : 0);
    int numFixed = f.fixed().length;
    if (f.variadic() != null) {
      if (numIn < numFixed) {
        throw errorf(
            "wrong number of args for "
                + f.name()
                + ": want at least "
                + numFixed
                + " got "
                + argNodes.size());
      }
    } else if (numIn != numFixed) {
      throw errorf("wrong number of args for " + f.name() + ": want " + numFixed + " got " + numIn);
    }

    if (f.name().equals("and") || f.name().equals("or")) {
      boolean isOr = f.name().equals("or");
      Object v = INVALID;
      for (Node arg : argNodes) {
        v = evalArg(dot, ArgType.VALUE, arg);
        if (TemplateFunctions.truth(v) == isOr) {
          return v;
        }
      }
      if (fin != MISSING) {
        v = validateType(fin, ArgType.VALUE);
      }
      return v;
    }

    List<Object> argv = new ArrayList<>(numIn);
    int i = 0;
    for (; i < numFixed && i < argNodes.size(); i++) {
      argv.add(evalArg(dot, f.fixed()[i], argNodes.get(i)));
    }
    if (f.variadic() != null) {
      for (; i < argNodes.size(); i++) {
        argv.add(evalArg(dot, f.variadic(), argNodes.get(i)));
      }
    }
    if (fin != MISSING) {
      ArgType t;
      if (f.variadic() != null && numIn - 1 >= numFixed) {
        t = f.variadic();
      } else {
        t = f.fixed()[numIn - 1];
      }
      argv.add(validateType(fin, t));
    }
    try {
      return functions.call(f, argv);
    } catch (FuncError e) {
      at(n);
      throw errorf("error calling " + f.name() + ": " + e.getMessage());
    }
  }

  /** Go's validateType for the three parameter kinds; a null type is the untyped chain base. */
  private Object validateType(Object value, ArgType type) {
    if (value == INVALID) {
      if (type == ArgType.ANY) {
        return null;
      } else if (type == ArgType.STRING) {
        throw errorf("invalid value; expected string");
      }
      return INVALID;
    }
    if (type == ArgType.STRING && !(value instanceof String)) {
      throw errorf("wrong type for value; expected string; got " + GoValues.typeName(value));
    }
    return value;
  }

  private Object evalArg(Object dot, ArgType type, Node n) {
    at(n);
    if (n instanceof DotNode) {
      return validate(dot, type);
    } else if (n instanceof NilNode) {
      if (type == ArgType.STRING) {
        throw errorf("cannot assign nil to string");
      }
      return type == ArgType.ANY ? null : INVALID;
    } else if (n instanceof FieldNode f) {
      return validate(evalFieldNode(dot, f, List.of(n), MISSING), type);
    } else if (n instanceof VariableNode v) {
      return validate(evalVariableNode(dot, v, null, MISSING), type);
    } else if (n instanceof PipeNode p) {
      return validate(evalPipeline(dot, p), type);
    } else if (n instanceof IdentifierNode id) {
      return validate(evalFunction(dot, id, id, null, MISSING), type);
    } else if (n instanceof ChainNode c) {
      return validate(evalChainNode(dot, c, null, MISSING), type);
    }
    if (type == ArgType.STRING) {
      if (n instanceof StringNode s) {
        return s.text;
      }
      throw errorf("expected string; found " + n);
    }
    // an empty interface or a reflect.Value: the literal's own type
    if (n instanceof BoolNode b) {
      return b.value;
    } else if (n instanceof NumberNode num) {
      return idealConstant(num);
    } else if (n instanceof StringNode s) {
      return s.text;
    }
    throw errorf("can't handle assignment of " + n + " to empty interface argument");
  }

  private Object validate(Object value, ArgType type) {
    return type == null ? value : validateType(value, type);
  }

  // ---------------------------------------------------------------- printing

  private void printValue(Node n, Object v) {
    at(n);
    if (v == INVALID) {
      out.append("<no value>");
    } else {
      out.append(GoFmt.sprintDereferenced(v));
    }
  }
}
