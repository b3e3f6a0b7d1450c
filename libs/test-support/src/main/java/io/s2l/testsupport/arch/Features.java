package io.s2l.testsupport.arch;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Conditions over the feature packages of a service ({@code <root>.<feature>..}). */
final class Features {

  private Features() {}

  /** The feature a class belongs to: the first package below the root, "" for the root itself. */
  static String of(String root, String packageName) {
    if (!packageName.startsWith(root + ".")) {
      return "";
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** Whether a package is the web package of a feature of this service, or below it. */
  static boolean isWeb(String root, String packageName) {
    String feature = of(root, packageName);
    String web = root + "." + feature + ".web";
    return !feature.isEmpty() && (packageName.equals(web) || packageName.startsWith(web + "."));
  }

  static ArchCondition<JavaClass> useTheWebClassesOfAnotherFeature(String root) {
    return new ArchCondition<>("use the web classes of another feature") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String feature = of(root, origin.getPackageName());
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getPackageName();
          boolean violated = isWeb(root, target) && !of(root, target).equals(feature);
          events.add(new SimpleConditionEvent(origin, violated, d.getDescription()));
        }
      }
    };
  }

  static ArchCondition<JavaMethod> notReturnAnEntity() {
    return new ArchCondition<>("not return a JPA entity") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean entity =
            method.getReturnType().getAllInvolvedRawTypes().stream()
                .anyMatch(t -> t.isAnnotatedWith(Boundaries.ENTITY));
        events.add(
            new SimpleConditionEvent(
                method,
                !entity,
                method.getFullName() + " returns " + method.getReturnType().getName()));
      }
    };
  }
}
