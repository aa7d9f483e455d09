package io.jmachine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands once declared their flags with annotations; the programmatic model must parse as
 * those did. These compare each kind of flag with what picocli infers for an annotated field of its
 * type, so that a picocli upgrade that changes either side shows up here.
 */
class CommandModelTest {
  /** The field shapes the commands had. */
  static final class Annotated {
    @Option(names = "--bool")
    boolean bool;

    @Option(names = "--string")
    String string;

    @Option(names = "--integer")
    int integer;

    @Option(names = "--list")
    List<String> list = new ArrayList<>();

    @Parameters List<String> args = List.of();
  }

  private final CommandSpec annotated = CommandSpec.forAnnotatedObject(new Annotated());
  private final CommandModel model =
      CommandModel.verb(
          "verb",
          new Object(),
          Flags.bool("--bool"),
          Flags.string("--string"),
          Flags.integer("--integer"),
          Flags.list("--list"));

  @Test
  void eachFlagKind_isPresetAsPicocliPresetsAnAnnotatedField() {
    for (String name : List.of("--bool", "--string", "--integer", "--list")) {
      assertSameShape(model.spec().findOption(name), annotated.findOption(name));
    }
  }

  @Test
  void arguments_arePresetAsPicocliPresetsAnAnnotatedListField() {
    assertSameShape(
        model.spec().positionalParameters().get(0), annotated.positionalParameters().get(0));
    assertThat(model.spec().positionalParameters().get(0).index())
        .isEqualTo(annotated.positionalParameters().get(0).index());
  }

  @Test
  void parsedValues_readAsTheAnnotatedFieldsWould() {
    new CommandLine(model.spec())
        .parseArgs("--bool", "--string", "s", "--integer", "7", "--list", "a", "--list", "b", "x");
    assertThat(model.bool("--bool")).isTrue();
    assertThat(model.string("--string")).isEqualTo("s");
    assertThat(model.integer("--integer")).isEqualTo(7);
    assertThat(model.list("--list")).containsExactly("a", "b");
    assertThat(model.arguments()).containsExactly("x");
  }

  @Test
  void unsetFlags_readTheirInitialValues() {
    new CommandLine(model.spec()).parseArgs();
    assertThat(model.bool("--bool")).isFalse();
    assertThat(model.string("--string")).isNull();
    assertThat(model.integer("--integer")).isZero();
    assertThat(model.list("--list")).isEmpty();
    assertThat(model.arguments()).isEmpty();
  }

  @Test
  void verb_hasTheHelpFlagFirst() {
    assertThat(model.spec().options().get(0).names()).containsExactly("--help", "-h");
    assertThat(model.spec().options().get(0).usageHelp()).isTrue();
  }

  @Test
  void readingAnUndeclaredFlag_fails() {
    assertThatThrownBy(() -> model.bool("--nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("verb declares no flag --nope");
  }

  private static void assertSameShape(ArgSpec actual, ArgSpec expected) {
    assertThat(actual.type()).isEqualTo(expected.type());
    assertThat(actual.auxiliaryTypes()).isEqualTo(expected.auxiliaryTypes());
    assertThat(actual.arity()).isEqualTo(expected.arity());
    assertThat(actual.arity().isUnspecified()).isEqualTo(expected.arity().isUnspecified());
    assertThat(actual.isMultiValue()).isEqualTo(expected.isMultiValue());
    assertThat(actual.initialValue()).isEqualTo(expected.initialValue());
    assertThat(actual.defaultValue()).isEqualTo(expected.defaultValue());
  }
}
