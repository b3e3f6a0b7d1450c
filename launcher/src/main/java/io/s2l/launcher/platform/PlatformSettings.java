package io.s2l.launcher.platform;

import java.nio.file.Path;

/**
 * How to start the platform.
 *
 * @param home the s2l checkout: service jars are under {@code <module>/target/}
 * @param database an existing PostgreSQL, or null for an embedded one
 * @param embeddedDataDirectory where the embedded PostgreSQL keeps its data, or null for a
 *     temporary directory
 * @param experiment whether to start the experiment service (an offline analysis needs only the
 *     analysis service)
 * @param workers trainer-worker processes to start
 * @param experimentPort port of the experiment service; 0 for any free port
 * @param analysisPort port of the analysis service; 0 for any free port
 * @param logDirectory where each process writes its log
 */
public record PlatformSettings(
    Path home,
    Database database,
    Path embeddedDataDirectory,
    boolean experiment,
    int workers,
    int experimentPort,
    int analysisPort,
    Path logDirectory) {}
