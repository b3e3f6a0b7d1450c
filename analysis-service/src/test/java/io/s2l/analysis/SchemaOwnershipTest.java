package io.s2l.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.s2l.testsupport.SchemaOwnership;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * This service's SQL names its own schema, and another owner's tables only where that owner's
 * migration folder declares them a contract (see each {@code db/<schema>/README.md}).
 */
class SchemaOwnershipTest {

  @Test
  void readsOtherOwnersTablesOnlyThroughTheirContract() {
    SchemaOwnership schemas = new SchemaOwnership(SchemaOwnership.repositoryRoot());
    assertThat(schemas.owners()).containsKeys("experiment", "training", "analysis", "queue");
    assertThat(schemas.violations(Path.of(""))).isEmpty();
  }
}
