package io.s2l.experiment.catalog;

import io.s2l.access.ApiKey;
import io.s2l.experiment.dataset.Datasets;
import io.s2l.study.DomainCatalog;
import io.s2l.study.StudyDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The catalog a study is checked and expanded against, by its {@code dataset}: the built-in corpus,
 * the built-in digits, or an uploaded corpus (by id). Text studies may also evaluate on uploaded
 * evaluation sets ({@code upload/<id>}). Uploads are those of the caller's owner (all for admins).
 */
@Component
public class Catalogs {

  private final BuiltinCatalog builtin;
  private final DigitsCatalog digits;
  private final Datasets datasets;

  Catalogs(BuiltinCatalog builtin, DigitsCatalog digits, Datasets datasets) {
    this.builtin = builtin;
    this.digits = digits;
    this.datasets = datasets;
  }

  /** For expanding a study: the dataset's own evaluation sets are the default. */
  public Optional<DomainCatalog> forDataset(String dataset, ApiKey caller) {
    if (StudyDefinition.BUILTIN_DATASET.equals(dataset)) {
      return Optional.of(builtin);
    }
    if (DigitsCatalog.DATASET.equals(dataset)) {
      return Optional.of(digits);
    }
    return datasets.corpusIndex(dataset, caller).map(UploadedCorpusCatalog::new);
  }

  /** For checking a study: also accepts uploaded evaluation sets in text studies. */
  public DomainCatalog forValidation(DomainCatalog catalog, ApiKey caller) {
    if (DomainCatalog.IMAGE.equals(catalog.modality())) {
      return catalog;
    }
    List<String> evalSets = new ArrayList<>(catalog.evalSets());
    evalSets.addAll(datasets.evalSetNames(caller));
    return new DomainCatalog() {
      @Override
      public List<String> domains() {
        return catalog.domains();
      }

      @Override
      public List<String> evalSets() {
        return evalSets;
      }

      @Override
      public boolean hasTrainingDocument(String id) {
        return catalog.hasTrainingDocument(id);
      }

      @Override
      public List<String> trainingDocumentIds() {
        return catalog.trainingDocumentIds();
      }
    };
  }

  public String available() {
    return "builtin, digits, or the id of an uploaded corpus";
  }
}
