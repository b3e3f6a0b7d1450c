package io.s2l.launcher.platform;

/**
 * Where the platform's PostgreSQL is.
 *
 * @param url JDBC URL
 */
public record Database(String url, String user, String password) {}
