package io.s2l.trainer.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The contract's JSON Schemas, loaded from the classpath as a trainer's team would use them. */
final class Schemas {

  static final Schema SPEC = load(Contract.SPEC_SCHEMA);
  static final Schema RESULT = load(Contract.RESULT_SCHEMA);

  private Schemas() {}

  /** The schema's complaints about a document; empty when it is valid. */
  static List<String> errors(Schema schema, JsonNode document) {
    return schema.validate(document).stream().map(Error::toString).toList();
  }

  private static Schema load(String resource) {
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
