package io.s2l.launcher.cli;

import io.s2l.api.imports.ImportReceipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import per-example losses trained elsewhere into a running platform (CSV with header"
            + " scale,params,tokens,distribution,seed,evalSet,exampleId,loss[,correct,chance], or"
            + " JSON by the .json extension) and print the import's id; its analysis runs next and"
            + " ./s2l results ID shows it.",
    footer = ExitCodes.FOOTER)
final class ImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "the results file (.csv or .json)")
  Path file;

  @Option(
      names = "--reference",
      paramLabel = "SCALE",
      description = "the reference scale (default: the largest)")
  String reference;

  @Option(names = "--name", description = "the import's name (default: the service's)")
  String name;

  @Mixin RemoteOptions remote;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliFailure(ExitCodes.USAGE, "cannot read " + file);
    }
    ImportReceipt receipt =
        remote.client().imports().upload(file, reference, name, null, null, null);
    System.out.println(receipt.id());
    System.err.printf(
        "s2l: imported %,d rows (%d scales, %d distributions, reference %s); ./s2l results %s%n",
        receipt.rows(),
        receipt.scales().size(),
        receipt.distributions(),
        receipt.referenceScale(),
        receipt.id());
    return ExitCodes.OK;
  }
}
