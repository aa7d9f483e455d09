package io.jmachine.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Parse-tree nodes of a Go template. {@link Node#toString()} renders a node the way Go's parse.Node
 * String methods do, because execution errors quote it ({@code at <.Foo.Bar>}).
 */
final class TemplateTree {
  private TemplateTree() {}

  static String[] splitDots(String s) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', from)) {
      parts.add(s.substring(from, i));
      from = i + 1;
    }
    parts.add(s.substring(from));
    return parts.toArray(new String[0]);
  }

  abstract static class Node {
    final int pos;

    Node(int pos) {
      this.pos = pos;
    }

    abstract void writeTo(StringBuilder sb);

    @Override
    public final String toString() {
      StringBuilder sb = new StringBuilder();
      writeTo(sb);
      return sb.toString();
    }
  }

  static final class ListNode extends Node {
    final List<Node> nodes = new ArrayList<>();

    ListNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (Node n : nodes) {
        n.writeTo(sb);
      }
    }
  }

  static final class TextNode extends Node {
    final String text;

    TextNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  static final class PipeNode extends Node {
    final int line;
    boolean isAssign;
    final List<VariableNode> decl = new ArrayList<>();
    final List<CommandNode> cmds = new ArrayList<>();

    PipeNode(int pos, int line) {
      super(pos);
      this.line = line;
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (!decl.isEmpty()) {
        for (int i = 0; i < decl.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          decl.get(i).writeTo(sb);
        }
        sb.append(" := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        cmds.get(i).writeTo(sb);
      }
    }
  }

  static final class ActionNode extends Node {
    final PipeNode pipe;

    ActionNode(int pos, PipeNode pipe) {
      super(pos);
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{");
      pipe.writeTo(sb);
      sb.append("}}");
    }
  }

  static final class CommandNode extends Node {
    final List<Node> args = new ArrayList<>();

    CommandNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        Node arg = args.get(i);
        if (arg instanceof PipeNode) {
          sb.append('(');
          arg.writeTo(sb);
          sb.append(')');
        } else {
          arg.writeTo(sb);
        }
      }
    }
  }

  static final class IdentifierNode extends Node {
    final String ident;

    IdentifierNode(int pos, String ident) {
      super(pos);
      this.ident = ident;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(ident);
    }
  }

  /** {@code $x.A.B}: ident[0] is the variable, the rest are fields. */
  static final class VariableNode extends Node {
    final String[] ident;

    VariableNode(int pos, String text) {
      super(pos);
      this.ident = splitDots(text);
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (int i = 0; i < ident.length; i++) {
        if (i > 0) {
          sb.append('.');
        }
        sb.append(ident[i]);
      }
    }
  }

  static final class DotNode extends Node {
    DotNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append('.');
    }
  }

  static final class NilNode extends Node {
    NilNode(int pos) {
      super(pos);
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("nil");
    }
  }

  /** {@code .A.B}: the field names without dots. */
  static final class FieldNode extends Node {
    final String[] ident;

    FieldNode(int pos, String text) {
      super(pos);
      this.ident = splitDots(text.substring(1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      for (String id : ident) {
        sb.append('.').append(id);
      }
    }
  }

  /** A term followed by fields: {@code (pipeline).A.B}. */
  static final class ChainNode extends Node {
    final Node node;
    final List<String> fields = new ArrayList<>();

    ChainNode(int pos, Node node) {
      super(pos);
      this.node = node;
    }

    void add(String field) {
      fields.add(field.substring(1));
    }

    @Override
    void writeTo(StringBuilder sb) {
      if (node instanceof PipeNode) {
        sb.append('(');
        node.writeTo(sb);
        sb.append(')');
      } else {
        node.writeTo(sb);
      }
      for (String f : fields) {
        sb.append('.').append(f);
      }
    }
  }

  static final class BoolNode extends Node {
    final boolean value;

    BoolNode(int pos, boolean value) {
      super(pos);
      this.value = value;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(value);
    }
  }

  static final class NumberNode extends Node {
    final String text;
    boolean isInt;
    boolean isUint;
    boolean isFloat;
    long intValue;
    double floatValue;

    NumberNode(int pos, String text) {
      super(pos);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(text);
    }
  }

  static final class StringNode extends Node {
    final String quoted;
    final String text;

    StringNode(int pos, String quoted, String text) {
      super(pos);
      this.quoted = quoted;
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append(quoted);
    }
  }

  /** if, range and with share one shape. */
  static final class BranchNode extends Node {
    final String keyword;
    final PipeNode pipe;
    final ListNode list;
    final ListNode elseList;

    BranchNode(String keyword, PipeNode pipe, ListNode list, ListNode elseList) {
      super(pipe.pos);
      this.keyword = keyword;
      this.pipe = pipe;
      this.list = list;
      this.elseList = elseList;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{").append(keyword).append(' ');
      pipe.writeTo(sb);
      sb.append("}}");
      list.writeTo(sb);
      if (elseList != null) {
        sb.append("{{else}}");
        elseList.writeTo(sb);
      }
      sb.append("{{end}}");
    }
  }

  /**
   * {@code {{break}}}, {@code {{continue}}}, and the parser-internal {@code {{end}}} and {@code
   * {{else}}}.
   */
  static final class KeywordNode extends Node {
    final String keyword;

    KeywordNode(int pos, String keyword) {
      super(pos);
      this.keyword = keyword;
    }

    @Override
    void writeTo(StringBuilder sb) {
      sb.append("{{").append(keyword).append("}}");
    }
  }
}
