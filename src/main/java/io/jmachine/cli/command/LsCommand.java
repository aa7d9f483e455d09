package io.jmachine.cli.command;

import static io.jmachine.cli.Flags.bool;
import static io.jmachine.cli.Flags.integer;
import static io.jmachine.cli.Flags.list;
import static io.jmachine.cli.Flags.string;

import io.jmachine.cli.CommandContext;
import io.jmachine.cli.CommandModel;
import io.jmachine.cli.VerbCommand;
import io.jmachine.cli.output.GoTemplate;
import io.jmachine.cli.output.TabWriter;
import io.jmachine.cli.output.TemplateException;
import io.jmachine.error.MachineException;
import io.jmachine.host.Host;
import io.jmachine.machine.HostListItem;
import io.jmachine.machine.HostLister;
import io.jmachine.machine.ListFilters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** `ls`: stray arguments are accepted and ignored, as docker-machine does. */
public final class LsCommand implements Callable<Integer>, VerbCommand {
  static final String DEFAULT_FORMAT =
      "table {{ .Name }}\t{{ .Active }}\t{{ .DriverName}}\t{{ .State }}\t{{ .URL }}\t{{ .Swarm }}"
          + "\t{{ .DockerVersion }}\t{{ .Error}}";

  private final CommandContext context;
  private final CommandModel model =
      CommandModel.verb(
          "ls",
          this,
          bool("--quiet", "-q").description("Enable quiet mode"),
          list("--filter").description("Filter output based on conditions provided"),
          integer("--timeout", "-t")
              .description("Timeout in seconds, default to 10s")
              .defaultValue("10"),
          string("--format", "-f")
              .description("Pretty-print machines using a Go template")
              .defaultValue(""));

  public LsCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public CommandModel model() {
    return model;
  }

  @Override
  public Integer call() {
    ListFilters parsedFilters = ListFilters.parse(model.list("--filter"));
    Duration deadline = Duration.ofSeconds(Math.max(model.integer("--timeout"), 0));
    HostLister lister = context.hostLister();
    HostLister.Loaded loaded = lister.load();
    List<Host> hosts = lister.filter(loaded.hosts(), parsedFilters, deadline);
    if (model.bool("--quiet")) {
      StringBuilder names = new StringBuilder();
      hosts.forEach(h -> names.append(h.name()).append('\n'));
      context.console().data(names.toString());
      return 0;
    }
    String format = model.string("--format");
    String text = format.isEmpty() ? DEFAULT_FORMAT : format;
    boolean table = text.startsWith("table");
    if (table) {
      text = text.substring("table".length());
    }
    text = text.strip().replace("\\t", "\t").replace("\\n", "\n") + "\n";
    GoTemplate template = parse(text);
    List<HostListItem> rows = lister.rows(hosts, loaded.broken(), deadline);
    StringBuilder out = new StringBuilder();
    try {
      if (table) {
        template.execute(HostListItem.headers(), out);
      }
      for (HostListItem row : rows) {
        template.execute(LsRowStruct.of(row), out);
      }
    } finally {
      // as docker-machine, which writes while executing: rows before a failing one are printed
      context.console().data(table ? TabWriter.forTable().format(out.toString()) : out.toString());
    }
    return 0;
  }

  /**
   * docker-machine names the template "" and returns a parse error as text/template words it,
   * without inspect's "template parsing error: " prefix. `json` and `prettyjson` are our addition.
   */
  private static GoTemplate parse(String text) {
    try {
      return GoTemplate.parse("", text);
    } catch (TemplateException e) {
      throw new MachineException(e.templateError(), e);
    }
  }
}
