package io.jmachine.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.json.GoJson;
import io.jmachine.json.JsonSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exact-output tests of the Go template subset. Expected strings are what Go's text/template (as
 * built into docker-machine) prints for the same template and data.
 */
class GoTemplateTest {
  /** A host as `inspect --format` sees it: config.json unmarshalled into generic maps. */
  private static final String HOST_JSON =
      """
      {
          "ConfigVersion": 3,
          "Driver": {
              "IPAddress": "192.168.99.100",
              "MachineName": "dev",
              "SSHUser": "docker",
              "SSHPort": 22,
              "Memory": 1024,
              "DiskSize": 2000000,
              "CPU": 1.5,
              "Huge": 1e21,
              "Tiny": 0.000001,
              "Nothing": null
          },
          "DriverName": "virtualbox",
          "HostOptions": {
              "Driver": "",
              "EngineOptions": {
                  "Labels": ["foo=bar"],
                  "Env": [],
                  "TlsVerify": true
              },
              "SwarmOptions": {
                  "IsSwarm": false,
                  "Discovery": ""
              }
          },
          "Name": "dev",
          "Tags": ["b", null, 3, {"k": "v"}]
      }
      """;

  private static Object host() {
    try {
      return GoJson.parse(HOST_JSON);
    } catch (JsonSyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static String inspect(String template) {
    return GoTemplate.parse(template).execute(host());
  }

  private static String run(String template, Object data) {
    return GoTemplate.parse(template).execute(data);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  private static void assertParseError(String template, String goError) {
    assertThatThrownBy(() -> GoTemplate.parse(template))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template parsing error: " + goError)
        .satisfies(e -> assertThat(((TemplateException) e).templateError()).isEqualTo(goError));
  }

  private static void assertExecError(String template, Object data, String goError) {
    GoTemplate t = GoTemplate.parse(template);
    assertThatThrownBy(() -> t.execute(data))
        .isInstanceOf(TemplateException.class)
        .hasMessage(goError)
        .satisfies(e -> assertThat(((TemplateException) e).templateError()).isEqualTo(goError));
  }

  // ---------------------------------------------------------------- the spec's examples

  @Test
  void inspect_labels_printAsGoSlice() {
    assertThat(inspect("{{.HostOptions.EngineOptions.Labels}}")).isEqualTo("[foo=bar]");
  }

  @Test
  void inspect_driverIpAddress_printsString() {
    assertThat(inspect("{{.Driver.IPAddress}}")).isEqualTo("192.168.99.100");
  }

  @Test
  void inspect_missingKey_printsNoValue() {
    assertThat(inspect("{{.Driver.Bogus}}")).isEqualTo("<no value>");
    assertThat(inspect("{{.Bogus.Deeper.Still}}")).isEqualTo("<no value>");
  }

  @Test
  void inspect_json_isCompactWithSortedKeys() {
    assertThat(inspect("{{json .HostOptions}}"))
        .isEqualTo(
            "{\"Driver\":\"\",\"EngineOptions\":{\"Env\":[],\"Labels\":[\"foo=bar\"],"
                + "\"TlsVerify\":true},\"SwarmOptions\":{\"Discovery\":\"\",\"IsSwarm\":false}}");
    assertThat(run("{{json .}}", map("b", "<&>", "a", 3L, "c", null)))
        .isEqualTo("{\"a\":3,\"b\":\"\\u003c\\u0026\\u003e\",\"c\":null}");
  }

  @Test
  void inspect_jsonOfWholeHost_sortsEveryLevel() {
    assertThat(inspect("{{json .}}"))
        .startsWith("{\"ConfigVersion\":3,\"Driver\":{\"CPU\":1.5,\"DiskSize\":2000000,")
        .endsWith(",\"Name\":\"dev\",\"Tags\":[\"b\",null,3,{\"k\":\"v\"}]}");
  }

  @Test
  void inspect_prettyjson_indentsFourSpacesWithSortedKeys() {
    assertThat(inspect("{{prettyjson .HostOptions.EngineOptions}}"))
        .isEqualTo(
            """
            {
                "Env": [],
                "Labels": [
                    "foo=bar"
                ],
                "TlsVerify": true
            }""");
  }

  @Test
  void inspect_prettyjsonOfDriver_keepsNumbersAsGoWritesThem() {
    assertThat(inspect("{{prettyjson .Driver}}"))
        .isEqualTo(
            """
            {
                "CPU": 1.5,
                "DiskSize": 2000000,
                "Huge": 1e+21,
                "IPAddress": "192.168.99.100",
                "MachineName": "dev",
                "Memory": 1024,
                "Nothing": null,
                "SSHPort": 22,
                "SSHUser": "docker",
                "Tiny": 0.000001
            }""");
  }

  @Test
  void json_ofMissingValueAndLiteralInt_isNullAndNumber() {
    assertThat(inspect("{{json .Bogus}} {{json 3}} {{json \"x\"}}")).isEqualTo("null 3 \"x\"");
  }

  // ---------------------------------------------------------------- printing values

  @Test
  void print_numbersFromJson_areFloat64() {
    assertThat(inspect("{{.Driver.SSHPort}} {{.Driver.Memory}} {{.Driver.CPU}}"))
        .isEqualTo("22 1024 1.5");
    assertThat(inspect("{{.Driver.Huge}} {{.Driver.Tiny}} {{.Driver.DiskSize}}"))
        .isEqualTo("1e+21 1e-06 2e+06");
    assertThat(run("{{.a}} {{.b}} {{.c}} {{.d}}", map("a", 3L, "b", 3, "c", 123456L, "d", 0.0001)))
        .isEqualTo("3 3 123456 0.0001");
    assertThat(run("{{.a}} {{.b}} {{.c}}", map("a", 1234567L, "b", 0.00001, "c", -2.5)))
        .isEqualTo("1.234567e+06 1e-05 -2.5");
  }

  @Test
  void print_collections_useFmtSyntax() {
    assertThat(inspect("{{.Tags}}")).isEqualTo("[b <nil> 3 map[k:v]]");
    assertThat(run("{{.}}", map("z", 1L, "a", list("x", true), "m", map("b", "2", "a", "1"))))
        .isEqualTo("map[a:[x true] m:map[a:1 b:2] z:1]");
    assertThat(run("{{.}}", list())).isEqualTo("[]");
    assertThat(run("{{.}}", map())).isEqualTo("map[]");
  }

  @Test
  void print_scalars() {
    assertThat(run("{{.}}", "plain")).isEqualTo("plain");
    assertThat(run("{{.t}} {{.f}}", map("t", true, "f", false))).isEqualTo("true false");
    assertThat(run("{{.Foo}}", null)).isEqualTo("<no value>");
  }

  @Test
  void print_nullValue_printsNoValue() {
    assertThat(inspect("{{.Driver.Nothing}}")).isEqualTo("<no value>");
    assertThat(inspect("{{range .Tags}}[{{.}}]{{end}}")).isEqualTo("[b][<no value>][3][map[k:v]]");
  }

  @Test
  void text_withoutActions_isCopied() {
    assertThat(run("just text\n", null)).isEqualTo("just text\n");
    assertThat(run("", null)).isEmpty();
  }

  // ---------------------------------------------------------------- literals

  @Test
  void literals_numbers() {
    assertThat(
            run("{{3}} {{-3}} {{+4}} {{1.50}} {{1e3}} {{0x1F}} {{0o17}} {{0b101}} {{017}}", null))
        .isEqualTo("3 -3 4 1.5 1000 31 15 5 15");
    assertThat(run("{{1_000}} {{'a'}} {{'\\n'}} {{.5}} {{1e6}} {{0x1p-2}}", null))
        .isEqualTo("1000 97 10 0.5 1e+06 0.25");
  }

  @Test
  void literals_stringsBoolsAndNil() {
    assertThat(run("{{\"a\\tb\\u00e9\\x41\"}}|{{`raw\\t`}}|{{true}}|{{false}}", null))
        .isEqualTo("a\tbéA|raw\\t|true|false");
    assertThat(run("{{printf \"%v\" nil}}", null)).isEqualTo("<nil>");
  }

  // ---------------------------------------------------------------- variables and pipelines

  @Test
  void variables_declareAssignAndRoot() {
    assertThat(inspect("{{$n := .Name}}{{$n}}-{{$n = \"x\"}}{{$n}}")).isEqualTo("dev-x");
    assertThat(inspect("{{with .Driver}}{{$.Name}}/{{.MachineName}}{{end}}")).isEqualTo("dev/dev");
    assertThat(inspect("{{$d := .Driver}}{{$d.SSHUser}}@{{$d.IPAddress}}"))
        .isEqualTo("docker@192.168.99.100");
  }

  @Test
  void variables_scopeEndsAtEnd() {
    assertThat(inspect("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}")).isEqualTo("21");
    assertThat(inspect("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}")).isEqualTo("2");
  }

  @Test
  void pipeline_passesValueAsLastArgument() {
    assertThat(inspect("{{.Name | printf \"%q\"}}")).isEqualTo("\"dev\"");
    assertThat(inspect("{{\"x\" | printf \"%s-%s\" .Name}}")).isEqualTo("dev-x");
    assertThat(inspect("{{.Name | len | printf \"%03d\"}}")).isEqualTo("003");
  }

  @Test
  void parentheses_groupAndChainFields() {
    assertThat(inspect("{{printf \"%s+%s\" (index .Tags 0) (.Driver.SSHUser)}}"))
        .isEqualTo("b+docker");
    assertThat(inspect("{{(index .Tags 3).k}}")).isEqualTo("v");
    assertThat(inspect("{{(.HostOptions).EngineOptions.TlsVerify}}")).isEqualTo("true");
  }

  // ---------------------------------------------------------------- control structures

  @Test
  void if_elseIfElse() {
    String t = "{{if eq .n 1.0}}one{{else if eq .n 2.0}}two{{else}}many{{end}}";
    assertThat(run(t, map("n", 1L))).isEqualTo("one");
    assertThat(run(t, map("n", 2L))).isEqualTo("two");
    assertThat(run(t, map("n", 7L))).isEqualTo("many");
  }

  @Test
  void if_truthFollowsGo() {
    String t = "{{if .v}}T{{else}}F{{end}}";
    Object[] falsy = {"", 0L, 0.0, false, null, list(), map()};
    for (Object v : falsy) {
      assertThat(run(t, map("v", v))).as("%s", v).isEqualTo("F");
    }
    Object[] truthy = {"x", 1L, -0.5, true, list((Object) null), map("k", null)};
    for (Object v : truthy) {
      assertThat(run(t, map("v", v))).as("%s", v).isEqualTo("T");
    }
    assertThat(run(t, map())).isEqualTo("F");
    assertThat(run("{{if 0}}T{{else}}F{{end}}{{if \"\"}}T{{else}}F{{end}}", null)).isEqualTo("FF");
  }

  @Test
  void with_setsDotAndHasElse() {
    assertThat(inspect("{{with .Driver.SSHUser}}user={{.}}{{end}}")).isEqualTo("user=docker");
    assertThat(inspect("{{with .HostOptions.Driver}}set{{else}}unset:{{.Name}}{{end}}"))
        .isEqualTo("unset:dev");
    assertThat(inspect("{{with $u := .Driver.SSHUser}}{{$u}}{{end}}")).isEqualTo("docker");
  }

  @Test
  void range_overListWithIndexAndElement() {
    assertThat(run("{{range .}}<{{.}}>{{end}}", list("a", "b"))).isEqualTo("<a><b>");
    assertThat(run("{{range $i, $v := .}}{{$i}}={{$v}} {{end}}", list("a", "b")))
        .isEqualTo("0=a 1=b ");
    assertThat(run("{{range $v := .}}{{$v}}{{end}}", list("a", "b"))).isEqualTo("ab");
  }

  @Test
  void range_overMap_visitsKeysInSortedOrder() {
    Map<String, Object> m = map("zeta", 1L, "alpha", 2L, "Mid", 3L);
    assertThat(run("{{range $k, $v := .}}{{$k}}={{$v}};{{end}}", m))
        .isEqualTo("Mid=3;alpha=2;zeta=1;");
    assertThat(run("{{range .}}{{.}}{{end}}", m)).isEqualTo("321");
  }

  @Test
  void range_emptyOrMissing_runsElse() {
    String t = "{{range .x}}item{{else}}none{{end}}";
    assertThat(run(t, map("x", list()))).isEqualTo("none");
    assertThat(run(t, map("x", map()))).isEqualTo("none");
    assertThat(run(t, map())).isEqualTo("none");
    assertThat(run(t, map("x", null))).isEqualTo("none");
  }

  @Test
  void range_breakAndContinue() {
    assertThat(
            run(
                "{{range .}}{{if eq . \"skip\"}}{{continue}}{{end}}"
                    + "{{if eq . \"stop\"}}{{break}}{{end}}{{.}},{{end}}",
                list("a", "skip", "b", "stop", "c")))
        .isEqualTo("a,b,");
  }

  @Test
  void range_dotAndVariablesAreRestoredAfterLoop() {
    assertThat(inspect("{{range .Tags}}{{end}}{{.Name}}")).isEqualTo("dev");
    assertThat(
            inspect(
                "{{range $i, $t := .HostOptions.EngineOptions.Labels}}{{$.Name}}:{{$t}}{{end}}"))
        .isEqualTo("dev:foo=bar");
  }

  // ---------------------------------------------------------------- whitespace and comments

  @Test
  void trimMarkers_removeAdjacentWhitespace() {
    assertThat(inspect("a  \n\t{{- .Name -}}\n  b")).isEqualTo("adevb");
    assertThat(inspect("a {{- .Name}} b")).isEqualTo("adev b");
    assertThat(inspect("a {{.Name -}} b")).isEqualTo("a devb");
    assertThat(run("{{-3}} {{- 3}}", null)).isEqualTo("-33");
    assertThat(run("{{range .}}\n  {{- .}}\n{{- end}}\n", list("x", "y"))).isEqualTo("xy\n");
  }

  @Test
  void comments_produceNothing() {
    assertThat(run("a{{/* a comment */}}b", null)).isEqualTo("ab");
    assertThat(run("a {{- /* trimmed\n comment */ -}} b", null)).isEqualTo("ab");
  }

  @Test
  void newlinesInsideActions_areSpace() {
    assertThat(inspect("{{if\n.Name}}{{printf \"%s\"\n  .Name}}{{end}}")).isEqualTo("dev");
  }

  // ---------------------------------------------------------------- functions

  @Test
  void andOr_returnDecidingOperand() {
    assertThat(run("{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" \"x\"}} {{or 0 \"\"}}", null))
        .isEqualTo("0 2 x ");
    assertThat(inspect("{{or .Bogus \"default\"}} {{and .Bogus \"x\"}}"))
        .isEqualTo("default <no value>");
    // and/or stop evaluating: the bad field after a decisive operand is never touched
    assertThat(inspect("{{or .Name .Name.Bad}}")).isEqualTo("dev");
  }

  @Test
  void not_negatesTruth() {
    assertThat(inspect("{{not .Bogus}} {{not .Name}} {{not 0}}")).isEqualTo("true false true");
  }

  @Test
  void len_ofStringsListsAndMaps() {
    assertThat(
            run(
                "{{len .s}} {{len .u}} {{len .l}} {{len .m}}",
                map("s", "abc", "u", "héllo", "l", list(1L, 2L), "m", map("a", 1L))))
        .isEqualTo("3 6 2 1");
  }

  @Test
  void index_intoListsMapsAndStrings() {
    assertThat(inspect("{{index .Tags 0}} {{index .Driver \"SSHUser\"}} {{index .Tags 3 \"k\"}}"))
        .isEqualTo("b docker v");
    assertThat(inspect("{{index .Driver \"Bogus\"}} {{index .Tags 1}}"))
        .isEqualTo("<no value> <no value>");
    assertThat(run("{{index . 1}}", "abc")).isEqualTo("98");
  }

  @Test
  void slice_ofListsAndStrings() {
    assertThat(run("{{slice . 1}} {{slice . 1 2}} {{slice .}}", list("a", "b", "c")))
        .isEqualTo("[b c] [b] [a b c]");
    assertThat(run("{{slice . 1 3}}", "abcd")).isEqualTo("bc");
  }

  @Test
  void printPrintlnAndPrintf() {
    assertThat(run("{{print 1 2 \"a\" \"b\" 3 nil}}", null)).isEqualTo("1 2ab3 <nil>");
    assertThat(run("{{println 1 \"a\" nil}}", null)).isEqualTo("1 a <nil>\n");
    assertThat(inspect("{{print .Bogus}}|{{printf \"%s\" .Bogus}}")).isEqualTo("<nil>|%!s(<nil>)");
  }

  @Test
  void comparisons() {
    assertThat(
            inspect("{{eq .Name \"dev\"}} {{eq .Name \"a\" \"b\" \"dev\"}} {{ne .Name \"dev\"}}"))
        .isEqualTo("true true false");
    assertThat(
            run("{{lt 1 2}} {{le 2 2}} {{gt 1.5 2.5}} {{ge \"b\" \"a\"}} {{lt \"B\" \"a\"}}", null))
        .isEqualTo("true true false true true");
    assertThat(inspect("{{gt .Driver.Memory 512.0}} {{eq .Driver.SSHPort 22.0}}"))
        .isEqualTo("true true");
    assertThat(inspect("{{eq .Bogus \"x\"}} {{eq .Bogus nil}} {{ne .Bogus \"x\"}}"))
        .isEqualTo("false true true");
    assertThat(run("{{eq true true}} {{eq .a .b}}", map("a", "x", "b", "x")))
        .isEqualTo("true true");
  }

  @Test
  void escapers() {
    assertThat(run("{{html \"<a href='x'>&\\\"\"}}", null))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&#34;");
    assertThat(run("{{js \"it's \\\"<b>\\\" \\\\ \\n\"}}", null))
        .isEqualTo("it\\'s \\\"\\x3Cb\\x3E\\\" \\\\ \\u000A");
    assertThat(run("{{urlquery \"a b&c=d/é\"}}", null)).isEqualTo("a+b%26c%3Dd%2F%C3%A9");
    assertThat(inspect("{{html .Bogus}} {{urlquery 1 2}}")).isEqualTo("&lt;no value&gt; 1+2");
  }

  // ---------------------------------------------------------------- printf

  @Test
  void printf_stringVerbs() {
    assertThat(
            run(
                "{{printf \"%s|%v|%q|%x|%X|% x|%#x|%.3s|%5s|%-5s|%05s|%#q|%+q\""
                    + " \"hi\" \"hi\" \"a\\\"b\\n\" \"hi\" \"hi\" \"hi\" \"hi\" \"abcdef\""
                    + " \"ab\" \"ab\" \"ab\" \"ab\" \"é\"}}",
                null))
        .isEqualTo(
            "hi|hi|\"a\\\"b\\n\"|6869|6869|68 69|0x6869|abc|   ab|ab   |000ab|`ab`|\"\\u00e9\"");
  }

  @Test
  void printf_integerVerbs() {
    assertThat(
            run(
                "{{printf \"%d|%5d|%-5d|%05d|%+d|% d|%.4d|%x|%#x|%X|%o|%#o|%b|%c|%q|%U|%#U|%d\""
                    + " 42 42 42 -42 42 42 42 255 255 255 8 8 5 65 65 233 233 -255}}",
                null))
        .isEqualTo(
            "42|   42|42   |-0042|+42| 42|0042|ff|0xff|FF|10|010|101|A|'A'|U+00E9|U+00E9 'é'|-255");
  }

  @Test
  void printf_floatVerbs() {
    assertThat(
            run(
                "{{printf \"%f|%.2f|%8.3f|%-8.1f|%08.3f|%+.1f|%e|%.2E|%g|%g|%.3g|%v\""
                    + " 3.14159 3.14159 3.14159 3.14159 -3.14159 2.0 12345.678 12345.678"
                    + " 0.00001234 100000.0 1234.5678 1e21}}",
                null))
        .isEqualTo(
            "3.141590|3.14|   3.142|3.1     |-003.142|+2.0|1.234568e+04|1.23E+04|1.234e-05"
                + "|100000|1.23e+03|1e+21");
    // Go rounds half to even on the exact binary value
    assertThat(run("{{printf \"%.0f %.0f %.1f %.2f\" 2.5 3.5 0.25 1.005}}", null))
        .isEqualTo("2 4 0.2 1.00");
    assertThat(inspect("{{printf \"%.1f %5.1f\" .Driver.Memory .Driver.CPU}}"))
        .isEqualTo("1024.0   1.5");
  }

  @Test
  void printf_boolTypeAndValueVerbs() {
    assertThat(inspect("{{printf \"%t %v %T %T %T %T %T\" true false .Name 1 1.5 .Tags .Driver}}"))
        .isEqualTo("true false string int float64 []interface {} map[string]interface {}");
    assertThat(
            inspect(
                "{{printf \"%v|%s|%q|%#v\" .Tags .Tags .HostOptions.EngineOptions.Labels .HostOptions.EngineOptions.Labels}}"))
        .isEqualTo(
            "[b <nil> 3 map[k:v]]|[b <nil> %!s(float64=3) map[k:v]]|[\"foo=bar\"]|[]interface {}{\"foo=bar\"}");
    assertThat(run("{{printf \"%v|%d\" nil nil}}", null)).isEqualTo("<nil>|%!d(<nil>)");
  }

  @Test
  void printf_mistakesAreReportedInline() {
    assertThat(run("{{printf \"%d|%s|%t|%z\" \"x\" 3 \"y\" 1.5}}", null))
        .isEqualTo("%!d(string=x)|%!s(int=3)|%!t(string=y)|%!z(float64=1.5)");
    assertThat(run("{{printf \"%d %d\" 1}}", null)).isEqualTo("1 %!d(MISSING)");
    assertThat(run("{{printf \"%d\" 1 \"a\" nil}}", null)).isEqualTo("1%!(EXTRA string=a, <nil>)");
    assertThat(run("{{printf \"100%%\"}} {{printf \"%\"}} {{printf \"%d\" 1.5}}", null))
        .isEqualTo("100% %!(NOVERB) %!d(float64=1.5)");
  }

  @Test
  void printf_argumentIndexesAndStarWidth() {
    assertThat(
            run("{{printf \"%[2]s %[1]s\" \"a\" \"b\"}}|{{printf \"%*d|%-*d|\" 5 42 4 7}}", null))
        .isEqualTo("b a|   42|7   |");
    assertThat(run("{{printf \"%[3]d %[9]d\" 1 2 3}}", null)).isEqualTo("3 %!d(BADINDEX)");
  }

  // ---------------------------------------------------------------- structs (ls rows)

  private static GoStruct row() {
    GoStruct swarm =
        new GoStruct("*swarm.Options", map("IsSwarm", false, "Address", "", "Master", false));
    return new GoStruct(
        "commands.HostListItem",
        map("Name", "dev", "Active", "-", "ActiveHost", false, "SwarmOptions", swarm));
  }

  @Test
  void struct_fieldsAndPrinting() {
    GoTemplate t = GoTemplate.parse("", "{{.Name}} {{.Active}} {{.ActiveHost}}\n", false);
    assertThat(t.execute(row())).isEqualTo("dev - false\n");
    assertThat(run("{{.SwarmOptions}}|{{.SwarmOptions.IsSwarm}}", row()))
        .isEqualTo("{false  false}|false");
    assertThat(run("{{printf \"%v|%+v\" .SwarmOptions .SwarmOptions}}", row()))
        .isEqualTo("&{false  false}|&{IsSwarm:false Address: Master:false}");
    assertThat(run("{{if .SwarmOptions}}yes{{end}}", row())).isEqualTo("yes");
  }

  @Test
  void struct_unknownField_isAnError() {
    assertExecError(
        "{{.Bogus}}",
        row(),
        "template: :1:2: executing \"\" at <.Bogus>: can't evaluate field Bogus in type"
            + " commands.HostListItem");
    assertExecError(
        "{{.SwarmOptions.Bogus}}",
        row(),
        "template: :1:15: executing \"\" at <.SwarmOptions.Bogus>: can't evaluate field Bogus in"
            + " type *swarm.Options");
  }

  @Test
  void headerMap_rendersColumnTitles() {
    GoTemplate t =
        GoTemplate.parse("", "{{ .Name }}\t{{ .Active }}\t{{ .DriverName}}\t{{ .Error}}\n", false);
    assertThat(
            t.execute(
                map("Name", "NAME", "Active", "ACTIVE", "DriverName", "DRIVER", "Error", "ERRORS")))
        .isEqualTo("NAME\tACTIVE\tDRIVER\tERRORS\n");
  }

  // ---------------------------------------------------------------- parse errors

  @Test
  void parseError_unclosedAction() {
    assertParseError("{{.Name", "template: :1: unclosed action");
    assertParseError("a\n{{.Name\n", "template: :3: unclosed action started at :2");
  }

  @Test
  void parseError_unknownFunction() {
    assertParseError("{{foo .}}", "template: :1: function \"foo\" not defined");
  }

  @Test
  void parseError_jsonIsNotDefinedForLs() {
    assertThatThrownBy(() -> GoTemplate.parse("", "{{json .}}", false))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template parsing error: template: :1: function \"json\" not defined")
        .satisfies(
            e ->
                assertThat(((TemplateException) e).templateError())
                    .isEqualTo("template: :1: function \"json\" not defined"));
  }

  @Test
  void parseError_showsTemplateName() {
    assertThatThrownBy(() -> GoTemplate.parse("listTemplate", "{{.A", false))
        .hasMessage("template parsing error: template: listTemplate:1: unclosed action");
    assertThat(GoTemplate.parse("listTemplate", "x", false).name()).isEqualTo("listTemplate");
    assertThat(GoTemplate.parse("x").name()).isEmpty();
  }

  @Test
  void parseError_structure() {
    assertParseError("{{end}}", "template: :1: unexpected {{end}}");
    assertParseError("{{else}}", "template: :1: unexpected {{else}}");
    assertParseError("{{if .A}}x", "template: :1: unexpected EOF");
    assertParseError(
        "line\n{{range .A}}{{else}}{{else}}{{end}}", "template: :2: expected end; found {{else}}");
    assertParseError("{{range}}{{end}}", "template: :1: missing value for range");
    assertParseError("{{}}", "template: :1: missing value for command");
    assertParseError("{{.A | \"x\"}}", "template: :1: non executable command in pipeline stage 2");
    assertParseError("{{$x}}", "template: :1: undefined variable \"$x\"");
    assertParseError("{{break}}", "template: :1: {{break}} outside {{range}}");
    assertParseError(
        "{{range $i, $v, $w := .}}{{end}}", "template: :1: too many declarations in range");
    assertParseError("{{$a, $b := .}}", "template: :1: too many declarations in command");
    assertParseError("{{\"x\".A}}", "template: :1: unexpected . after term \"\\\"x\\\"\"");
  }

  @Test
  void parseError_lexical() {
    assertParseError("{{\"abc}}", "template: :1: unterminated quoted string");
    assertParseError("{{`abc}}", "template: :1: unterminated raw quoted string");
    assertParseError("{{/* x }}", "template: :1: unclosed comment");
    assertParseError("{{/* x */ }}", "template: :1: comment ends before closing delimiter");
    assertParseError("{{(.A}}", "template: :1: unclosed left paren");
    assertParseError("{{.A)}}", "template: :1: unexpected right paren");
    assertParseError("{{.A!}}", "template: :1: bad character U+0021 '!'");
    assertParseError("{{@}}", "template: :1: unexpected \"@\" in command");
    assertParseError("{{€}}", "template: :1: unrecognized character in action: U+20AC '€'");
    assertParseError("{{.A.}}", "template: :1: unexpected <.> in operand");
    assertParseError("{{.A : .B}}", "template: :1: expected :=");
    assertParseError("{{\"\\q\"}}", "template: :1: invalid syntax");
    assertParseError("{{'ab'}}", "template: :1: malformed character constant: 'ab'");
    assertParseError("{{3x}}", "template: :1: bad number syntax: \"3x\"");
    assertParseError(
        "{{99999999999999999999}}", "template: :1: integer overflow: \"99999999999999999999\"");
  }

  @Test
  void parseError_unsupportedFeaturesSayWhat() {
    assertParseError("{{template \"x\"}}", "template: :1: {{template}} is not supported");
    assertParseError("{{define \"x\"}}{{end}}", "template: :1: {{define}} is not supported");
  }

  // ---------------------------------------------------------------- execution errors

  @Test
  void execError_fieldOfString() {
    assertExecError(
        "{{.Name.Foo}}",
        host(),
        "template: :1:7: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type string");
    assertExecError(
        "{{.Driver.IPAddress.Foo}}",
        host(),
        "template: :1:9: executing \"\" at <.Driver.IPAddress.Foo>: can't evaluate field Foo in"
            + " type string");
  }

  @Test
  void execError_fieldOfOtherTypes() {
    assertExecError(
        "{{.Driver.Memory.X}}",
        host(),
        "template: :1:9: executing \"\" at <.Driver.Memory.X>: can't evaluate field X in type"
            + " float64");
    assertExecError(
        "{{.Tags.X}}",
        host(),
        "template: :1:7: executing \"\" at <.Tags.X>: can't evaluate field X in type []interface {}");
    assertExecError(
        "{{.Driver.Nothing.X}}",
        host(),
        "template: :1:9: executing \"\" at <.Driver.Nothing.X>: nil pointer evaluating interface"
            + " {}.X");
  }

  @Test
  void execError_positionCountsLinesAndColumns() {
    assertExecError(
        "line one\n  {{.Name.Foo}}",
        host(),
        "template: :2:9: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type string");
  }

  @Test
  void execError_keepsOutputWrittenBeforeTheError() {
    GoTemplate t = GoTemplate.parse("a{{.Name}}b{{.Name.X}}c");
    StringBuilder out = new StringBuilder();
    assertThatThrownBy(() -> t.execute(host(), out)).isInstanceOf(TemplateException.class);
    assertThat(out).hasToString("adevb");
  }

  @Test
  void execError_commandsAndArguments() {
    Object h = host();
    assertExecError(
        "{{3 .Name}}",
        h,
        "template: :1:2: executing \"\" at <3>: can't give argument to non-function 3");
    assertExecError("{{nil}}", h, "template: :1:2: executing \"\" at <nil>: nil is not a command");
    assertExecError(
        "{{.Name 1}}",
        h,
        "template: :1:2: executing \"\" at <.Name>: Name is not a method but has arguments");
    assertExecError(
        "{{len}}",
        h,
        "template: :1:2: executing \"\" at <len>: wrong number of args for len: want 1 got 0");
    assertExecError(
        "{{ne 1}}",
        h,
        "template: :1:2: executing \"\" at <ne>: wrong number of args for ne: want 2 got 1");
    assertExecError(
        "{{index}}",
        h,
        "template: :1:2: executing \"\" at <index>: wrong number of args for index: want at least 1 got 0");
    assertExecError(
        "{{printf 3}}", h, "template: :1:9: executing \"\" at <3>: expected string; found 3");
    assertExecError(
        "{{printf .Bogus}}",
        h,
        "template: :1:9: executing \"\" at <.Bogus>: invalid value; expected string");
    assertExecError(
        "{{printf .Driver.Memory}}",
        h,
        "template: :1:16: executing \"\" at <.Driver.Memory>: wrong type for value; expected string; got float64");
  }

  @Test
  void execError_functionErrors() {
    Object h = host();
    assertExecError(
        "{{len 3}}",
        h,
        "template: :1:2: executing \"\" at <len 3>: error calling len: len of type int");
    assertExecError(
        "{{len .Driver.Nothing}}",
        h,
        "template: :1:2: executing \"\" at <len .Driver.Nothing>: error calling len: len of nil pointer");
    assertExecError(
        "{{index .Tags 5}}",
        h,
        "template: :1:2: executing \"\" at <index .Tags 5>: error calling index: index out of range: 5");
    assertExecError(
        "{{index .Tags \"a\"}}",
        h,
        "template: :1:2: executing \"\" at <index .Tags \"a\">: error calling index: cannot index slice/array with type string");
    assertExecError(
        "{{index .Driver 1}}",
        h,
        "template: :1:2: executing \"\" at <index .Driver 1>: error calling index: value has type int; should be string");
    assertExecError(
        "{{index .Name.X 1}}",
        h,
        "template: :1:13: executing \"\" at <.Name.X>: can't evaluate field X in type string");
    assertExecError(
        "{{eq .Name}}",
        h,
        "template: :1:2: executing \"\" at <eq .Name>: error calling eq: missing argument for comparison");
    assertExecError(
        "{{lt .HostOptions.EngineOptions.TlsVerify true}}",
        h,
        "template: :1:2: executing \"\" at <lt .HostOptions.EngineOptions.TlsVerify true>: error calling lt: invalid type for comparison");
    assertExecError(
        "{{if gt .Driver.Memory 512}}big{{end}}",
        h,
        "template: :1:5: executing \"\" at <gt .Driver.Memory 512>: error calling gt: incompatible types for comparison");
    assertExecError(
        "{{eq .Tags .Tags}}",
        h,
        "template: :1:2: executing \"\" at <eq .Tags .Tags>: error calling eq: non-comparable type [b <nil> %!s(float64=3) map[k:v]]: []interface {}");
  }

  @Test
  void execError_callAndSlice() {
    Object h = host();
    assertExecError(
        "{{call .Name}}",
        h,
        "template: :1:2: executing \"\" at <call .Name>: error calling call: non-function of type"
            + " string");
    assertExecError(
        "{{call .Bogus}}",
        h,
        "template: :1:2: executing \"\" at <call .Bogus>: error calling call: call of nil");
    assertExecError(
        "{{slice .Tags 3 1}}",
        h,
        "template: :1:2: executing \"\" at <slice .Tags 3 1>: error calling slice: invalid slice"
            + " index: 3 > 1");
    assertExecError(
        "{{slice .Name 1 2 3}}",
        h,
        "template: :1:2: executing \"\" at <slice .Name 1 2 3>: error calling slice: cannot"
            + " 3-index slice a string");
  }

  @Test
  void exception_isAMachineException() {
    assertThatThrownBy(() -> GoTemplate.parse("{{"))
        .isInstanceOf(io.jmachine.error.MachineException.class)
        .hasMessage("template parsing error: template: :1: unclosed action");
  }

  @Test
  void execute_appendsToBuilder_andTemplateIsReusable() {
    GoTemplate t = GoTemplate.parse("{{.Name}};");
    StringBuilder out = new StringBuilder("x:");
    t.execute(host(), out);
    t.execute(map("Name", "other"), out);
    assertThat(out).hasToString("x:dev;other;");
  }

  @Test
  void execError_rangeOverScalar() {
    assertExecError(
        "{{range .Name}}{{.}}{{end}}",
        host(),
        "template: :1:8: executing \"\" at <.Name>: range can't iterate over dev");
    assertExecError(
        "{{range 3}}{{.}}{{end}}",
        host(),
        "template: :1:8: executing \"\" at <3>: range can't iterate over 3");
  }

  @Test
  void execError_assignmentToUndeclaredVariable() {
    assertExecError(
        "{{$x = 1}}", host(), "template: :1:7: executing \"\" at <1>: undefined variable: $x");
  }
}
