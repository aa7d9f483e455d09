package io.jmachine.store;

import static io.jmachine.json.JsonFields.object;
import static io.jmachine.json.JsonFields.string;

import io.jmachine.driver.DriverRegistry;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.host.HostOptions;
import io.jmachine.json.GoJson;
import io.jmachine.json.JsonSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The machine store, laid out exactly as docker-machine's: STORE/machines/NAME/config.json and
 * STORE/certs. Either tool can read what the other wrote.
 */
public final class FileMachineStore {
  private final Path root;
  private final DriverRegistry drivers;

  public FileMachineStore(Path root, DriverRegistry drivers) {
    this.root = root;
    this.drivers = drivers;
  }

  public Path root() {
    return root;
  }

  public Path certsDir() {
    return root.resolve("certs");
  }

  public Path machinesDir() {
    return root.resolve("machines");
  }

  public Path machineDir(String name) {
    return machinesDir().resolve(name);
  }

  public boolean exists(String name) {
    return MachineNames.isValid(name) && Files.isDirectory(machineDir(name));
  }

  /** Machine names in directory order (sorted by bytes, as Go's ReadDir returns them). */
  public List<String> names() {
    if (!Files.isDirectory(machinesDir())) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(machinesDir())) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(".") && Files.isDirectory(dir)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new MachineException("Error reading " + machinesDir() + ": " + e.getMessage(), e);
    }
    Collections.sort(names);
    return names;
  }

  public Host load(String name) {
    if (!exists(name)) {
      throw new MachineNotFoundException(name);
    }
    Path config = machineDir(name).resolve("config.json");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(config);
    } catch (NoSuchFileException e) {
      throw new MachineException("open " + config + ": no such file or directory");
    } catch (IOException e) {
      throw new MachineException("open " + config + ": " + e.getMessage(), e);
    }
    Map<String, Object> json = parseObject(bytes);
    ConfigMigration migration = new ConfigMigration(root, machineDir(name));
    if (migration.needed(json)) {
      json = migration.migrate(json);
      backUpAndSave(config, bytes, json);
    }
    return fromJson(name, json);
  }

  private static Map<String, Object> parseObject(byte[] bytes) {
    Object parsed;
    try {
      parsed = GoJson.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonSyntaxException e) {
      throw new MachineException("Error getting migrated host: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?>)) {
      throw new MachineException(
          "Error getting migrated host: config.json does not hold a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) parsed;
    return json;
  }

  private Host fromJson(String dirName, Map<String, Object> json) {
    String name = string(json, "Name").isEmpty() ? dirName : string(json, "Name");
    String driverName = string(json, "DriverName");
    return new Host(
        name,
        drivers.load(driverName, name, object(json, "Driver")),
        driverName,
        HostOptions.fromJson(object(json, "HostOptions")));
  }

  private void backUpAndSave(Path config, byte[] original, Map<String, Object> migrated) {
    try {
      AtomicFiles.write(
          config.resolveSibling("config.json.bak"), original, AtomicFiles.PRIVATE_FILE);
      AtomicFiles.write(
          config,
          GoJson.indented(migrated).getBytes(StandardCharsets.UTF_8),
          AtomicFiles.PRIVATE_FILE);
    } catch (IOException e) {
      throw new MachineException("Error saving migrated host: " + e.getMessage(), e);
    }
  }

  /**
   * Claims a new machine's directory. Creating the directory is the atomic step that decides which
   * of two concurrent creates of one name wins.
   */
  public void claim(String name) {
    MachineNames.requireValid(name);
    try {
      AtomicFiles.createPrivateDirectories(machinesDir());
      Files.createDirectory(
          machineDir(name), PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE_DIR));
    } catch (FileAlreadyExistsException e) {
      throw new MachineExistsException(name);
    } catch (IOException e) {
      throw new MachineException("Error creating machine directory: " + e.getMessage(), e);
    }
  }

  public void save(Host host) {
    Path dir = machineDir(host.name());
    try {
      AtomicFiles.createPrivateDirectories(dir);
      AtomicFiles.write(
          dir.resolve("config.json"),
          GoJson.indented(host.toJson()).getBytes(StandardCharsets.UTF_8),
          AtomicFiles.PRIVATE_FILE);
    } catch (IOException e) {
      throw new MachineException("Error saving host to store: " + e.getMessage(), e);
    }
  }

  public void remove(String name) {
    if (!exists(name)) {
      throw new MachineNotFoundException(name);
    }
    try (Stream<Path> walk = Files.walk(machineDir(name))) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      throw new MachineException("Error removing machine directory: " + e.getMessage(), e);
    }
  }
}
