package io.jmachine.store;

import io.jmachine.error.MachineException;
import java.util.regex.Pattern;

/**
 * docker-machine's hostname rule. It also keeps names from escaping the store: no slash, and no
 * leading dot, so neither "." nor ".." can be a name.
 */
public final class MachineNames {
  private static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-.]*$");
  public static final String RULE =
      "Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -";

  private MachineNames() {}

  public static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }

  public static void requireValid(String name) {
    if (!isValid(name)) {
      throw new MachineException(RULE);
    }
  }
}
