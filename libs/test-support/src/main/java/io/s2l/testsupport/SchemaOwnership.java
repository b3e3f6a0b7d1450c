package io.s2l.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who may name which table in SQL. Every schema is migrated from one folder, {@code
 * src/main/resources/db/<schema>} of the module that owns it, and that folder's {@code README.md}
 * lists under its {@code ## Contract} heading the tables and views other modules may read. A
 * module's SQL may name its own schemas freely, another owner's only through that list.
 *
 * <p>SQL is found in the string literals of the main Java sources: a schema-qualified name after
 * {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code TABLE} or inside {@code
 * to_regclass('...')}.
 */
public final class SchemaOwnership {

  private static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?:\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\\s+|to_regclass\\s*\\(\\s*')"
              + "([a-z_]+)\\.([a-z_][a-z0-9_]*)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTRACT_ENTRY = Pattern.compile("`([a-z_]+\\.[a-z_][a-z0-9_]*)`");

  private final Map<String, Path> owners = new HashMap<>();
  private final Set<String> contract = new HashSet<>();

  /** Reads every schema's owner and contract from the migration folders under {@code root}. */
  public SchemaOwnership(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path readme : files.filter(SchemaOwnership::isSchemaReadme).toList()) {
        Path folder = readme.getParent();
        String schema = folder.getFileName().toString();
        Path module = folder.getParent().getParent().getParent().getParent().getParent();
        owners.put(schema, module.toAbsolutePath().normalize());
        contract.addAll(contractOf(schema, Files.readString(readme)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository holding the working directory: the nearest folder with {@code libs/}. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("libs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** The schemas found, each with the module that owns it. */
  public Map<String, Path> owners() {
    return Map.copyOf(owners);
  }

  /** The tables and views declared readable by other modules, as {@code schema.name}. */
  public Set<String> contract() {
    return Set.copyOf(contract);
  }

  /**
   * Every place where {@code module}'s main sources name another owner's table or view that is not
   * in its contract, as {@code file: schema.name}.
   */
  public List<String> violations(Path module) {
    Path self = module.toAbsolutePath().normalize();
    Path sources = self.resolve("src/main/java");
    List<String> found = new ArrayList<>();
    if (!Files.isDirectory(sources)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        for (String name : qualifiedNames(Files.readString(file))) {
          String schema = name.substring(0, name.indexOf('.'));
          Path owner = owners.get(schema);
          if (owner != null && !owner.equals(self) && !contract.contains(name)) {
            found.add(self.relativize(file) + ": " + name);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Schema-qualified table names the SQL in a Java file's string literals names. */
  static Set<String> qualifiedNames(String java) {
    StringBuilder sql = new StringBuilder();
    Matcher literal = LITERAL.matcher(java);
    while (literal.find()) {
      // Joined with a space: SQL is often split across concatenated literals.
      sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
    }
    Set<String> names = new HashSet<>();
    Matcher name = QUALIFIED.matcher(sql);
    while (name.find()) {
      names.add(name.group(1).toLowerCase() + "." + name.group(2).toLowerCase());
    }
    return names;
  }

  private static boolean isSchemaReadme(Path file) {
    Path folder = file.getParent();
    return file.getFileName().toString().equals("README.md")
        && folder != null
        && folder.getParent() != null
        && folder.getParent().endsWith(Path.of("src", "main", "resources", "db"))
        && !file.toString().contains(java.io.File.separator + "target" + java.io.File.separator);
  }

  private static Set<String> contractOf(String schema, String readme) {
    Set<String> names = new HashSet<>();
    boolean inContract = false;
    for (String line : readme.split("\n")) {
      if (line.startsWith("## ")) {
        inContract = line.trim().equalsIgnoreCase("## Contract");
      } else if (inContract) {
        Matcher entry = CONTRACT_ENTRY.matcher(line);
        while (entry.find()) {
          if (entry.group(1).startsWith(schema + ".")) {
            names.add(entry.group(1));
          }
        }
      }
    }
    return names;
  }
}
