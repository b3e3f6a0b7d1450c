package io.s2l.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.testsupport.SchemaOwnership;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This service's SQL names its own schema, and another owner's tables only where that owner's
 * migration folder declares them a contract (see each {@code db/<schema>/README.md}); and the check
 * itself tells the two apart.
 */
class SchemaOwnershipTest {

  private final SchemaOwnership schemas = new SchemaOwnership(SchemaOwnership.repositoryRoot());

  @Test
  void readsOtherOwnersTablesOnlyThroughTheirContract() {
    assertThat(schemas.owners()).containsKeys("experiment", "training", "analysis", "queue");
    assertThat(schemas.violations(Path.of(""))).isEmpty();
  }

  @Test
  void theTrainingContractIsItsReadModel() {
    assertThat(schemas.owners().get("training"))
        .isEqualTo(Path.of("").toAbsolutePath().normalize());
    assertThat(schemas.contract())
        .contains(
            "training.run_summary", "training.run_example_losses", "training.run_feature_files")
        .doesNotContain("training.run", "training.run_eval", "training.features", "queue.job");
  }

  @Test
  void namesTheFileThatReadsAnotherOwnersPrivateTables(@TempDir Path module) throws Exception {
    Path sources = Files.createDirectories(module.resolve("src/main/java/x"));
    Files.writeString(
        sources.resolve("Raw.java"),
        "class Raw { String a = \"SELECT r.flops FROM training.run r JOIN\"\n"
            + "    + \" training.run_eval e ON e.run_id = r.id\";\n"
            + "  String b = \"SELECT payload FROM queue.job\"; }");
    Files.writeString(
        sources.resolve("Viewed.java"),
        "class Viewed { String a = \"\"\"\n  SELECT flops FROM training.run_summary\n  \"\"\";\n"
            + "  String b = \"training.batchSize\"; /* FROM training.run */ }");
    assertThat(schemas.violations(module))
        .containsExactlyInAnyOrder(
            "src/main/java/x/Raw.java: training.run",
            "src/main/java/x/Raw.java: training.run_eval",
            "src/main/java/x/Raw.java: queue.job");
  }
}
