package io.jmachine.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmachine.error.MachineException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `ls --filter name=` regexps: Go's syntax and Go's error texts. */
class GoRegexpTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "[        | missing closing ]: `[`",
        "a[b]c[d  | missing closing ]: `[d`",
        "[]a      | missing closing ]: `[]a`",
        "a(b      | missing closing ): `a(b`",
        "a)       | unexpected ): `a)`",
        "*        | missing argument to repetition operator: `*`",
        "+x       | missing argument to repetition operator: `+`",
        "a**      | invalid nested repetition operator: `**`",
        "a\\      | trailing backslash at end of expression: ``",
        "(?=a)    | invalid or unsupported Perl syntax: `(?=`",
        "x(?<!a)  | invalid or unsupported Perl syntax: `(?<!`",
      })
  void compile_invalidForGo_failsWithGoWording(String regexp, String error) {
    assertThatThrownBy(() -> GoRegexp.compile(regexp))
        .isInstanceOf(MachineException.class)
        .hasMessage("error parsing regexp: " + error);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{x}|a{x}b|true",
        "a{|xa{|true",
        "^n{2}$|nn|true",
        "^n{2}$|n|false",
        "\\(?=|(=|true"
      })
  void compile_braceWithoutCount_isALiteralAsInGo(String regexp, String name, boolean matches) {
    assertThat(GoRegexp.compile(regexp).matcher(name).find()).isEqualTo(matches);
  }
}
