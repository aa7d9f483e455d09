package io.jmachine.cli.output;

import io.jmachine.cli.output.TemplateTree.ListNode;

/**
 * A Go text/template, for `ls --format` and `inspect --format`: same syntax, semantics, output and
 * error messages as the Go library docker-machine is built with, over plain Java data (see below).
 *
 * <p>Supported: text and actions with {@code {{- }} / {@code -}}} trimming and {@code {{/*
 * *&#47;}}} comments; {@code .}, {@code .A.B}, {@code $}, {@code $x.A}, {@code (pipeline).A};
 * string (quoted and raw), number, character, bool and nil literals; pipelines with {@code |};
 * variable declaration and assignment; {@code if / else if / else}, {@code range} (lists, and maps
 * in key order, with {@code $i, $v :=}, {@code else}, {@code break}, {@code continue}) and {@code
 * with}; the builtins {@code and or not len index slice print printf println html js urlquery eq ne
 * lt le gt ge call}; and docker-machine's {@code json} and {@code prettyjson} when asked for. Not
 * supported: named templates ({@code define}, {@code template}, {@code block}) and complex numbers;
 * both fail to parse with a clear message.
 *
 * <p>Data: {@code Map<String,Object>} is {@code map[string]interface{}} (a missing key prints
 * {@code <no value>}), {@code List<Object>} is {@code []interface{}}, String, Boolean, and every
 * {@link Number} is a float64 (as JSON numbers are in Go, so 3 prints {@code 3}, 1e21 prints {@code
 * 1e+21} and comparing with the literal {@code 3}, a Go int, is an error, as in Go). Java null is a
 * nil interface. {@link GoStruct} is a struct.
 *
 * <p>Names: docker-machine creates both templates with {@code template.New("")}, so errors read
 * {@code template: :1: ...}; use {@link #parse(String)} for `inspect` and {@code parse("", text,
 * false)} for `ls` (whose templates have no json functions; Go's `ls` also prints a parse error as
 * {@link TemplateException#templateError()}, without the "template parsing error: " prefix).
 */
public final class GoTemplate {
  private final String name;
  private final String text;
  private final ListNode root;
  private final TemplateFunctions functions;

  private GoTemplate(String name, String text, ListNode root, TemplateFunctions functions) {
    this.name = name;
    this.text = text;
    this.root = root;
    this.functions = functions;
  }

  /** The `inspect --format` template: named "", with the {@code json} and {@code prettyjson}. */
  public static GoTemplate parse(String text) {
    return parse("", text, true);
  }

  /** A template with the given name and the {@code json} and {@code prettyjson} functions. */
  public static GoTemplate parse(String name, String text) {
    return parse(name, text, true);
  }

  /**
   * Parses a template.
   *
   * @param name the template name that error messages show
   * @param text the template source
   * @param jsonFunctions whether docker-machine's {@code json} and {@code prettyjson} exist
   * @throws TemplateException with message {@code template parsing error: template: NAME:LINE: ...}
   */
  public static GoTemplate parse(String name, String text, boolean jsonFunctions) {
    TemplateFunctions functions =
        jsonFunctions ? TemplateFunctions.WITH_JSON : TemplateFunctions.BUILTINS;
    try {
      return new GoTemplate(name, text, TemplateParser.parse(name, text, functions), functions);
    } catch (TemplateParser.ParseError e) {
      throw new TemplateException("template parsing error: " + e.getMessage(), e.getMessage());
    }
  }

  public String name() {
    return name;
  }

  /**
   * Executes the template on {@code data}.
   *
   * @throws TemplateException with Go's execution error, e.g. {@code template: :1:9: executing ""
   *     at <.Driver.IPAddress.Foo>: can't evaluate field Foo in type string}
   */
  public String execute(Object data) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    execute(data, out);
    return out.toString();
  }

  /**
   * Executes the template, appending to {@code out}. As in Go, when execution fails what was
   * produced before the error has already been appended.
   */
  public void execute(Object data, StringBuilder out) {
    try {
      TemplateExecutor.execute(name, text, root, functions, data, out);
    } catch (TemplateExecutor.ExecError e) {
      throw new TemplateException(e.getMessage(), e.getMessage());
    }
  }
}
