package io.jmachine.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken config.json is reported in encoding/json's words, as `ls` shows it. */
class GoJsonTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{\"ConfigVersion\": 3, b} | invalid character 'b' looking for beginning of object key string",
        "{'a': 1}                  | invalid character '\\'' looking for beginning of object key string",
        "{\"a\": 1,}               | invalid character '}' looking for beginning of object key string",
        "{\"a\" 1}                 | invalid character '1' after object key",
        "{\"a\": 1 \"b\": 2}       | invalid character '\"' after object key:value pair",
        "[1 2]                     | invalid character '2' after array element",
        "{\"a\": [1,]}             | invalid character ']' looking for beginning of value",
        "{\"a\": x}                | invalid character 'x' looking for beginning of value",
        "{\"a\": trux}             | invalid character 'x' in literal true (expecting 'e')",
        "{\"a\": 1}  z             | invalid character 'z' after top-level value",
        "{\"ConfigVersion\": 3,    | unexpected end of JSON input",
      })
  void parse_brokenDocument_failsWithGoWording(String text, String error) {
    assertThatThrownBy(() -> GoJson.parse(text))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessage(error);
  }
}
