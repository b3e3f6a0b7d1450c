package io.s2l.analysis.imports;

import java.util.List;
import java.util.UUID;

/**
 * What an accepted import holds. Its id is also its study id: the analysis is served at {@code
 * /api/v1/studies/{id}/scale-correlation}.
 */
public record ImportReceipt(
    UUID id,
    String name,
    String referenceScale,
    long rows,
    String sha256,
    List<String> scales,
    int distributions,
    int seeds,
    List<String> evalSets) {}
