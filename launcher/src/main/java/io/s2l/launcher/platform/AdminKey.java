package io.s2l.launcher.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin key the platform's services are started with ({@code S2L_ADMIN_KEY}): the one in the
 * environment if set; else, for a platform that keeps its data, the one kept beside that data (file
 * readable by its owner only), created on first start; else a new one.
 */
final class AdminKey {

  private AdminKey() {}

  static String resolve(Path dataDirectory) {
    String fromEnv = System.getenv("S2L_ADMIN_KEY");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    if (dataDirectory == null) {
      return newSecret();
    }
    Path file = dataDirectory.resolveSibling("admin-key");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      String secret = newSecret();
      Files.createDirectories(file.getParent());
      // created readable by its owner only, before the secret is written into it
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the admin key in " + file, e);
    }
  }

  /** 256 random bits in the form the services issue keys. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return "s2l_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
