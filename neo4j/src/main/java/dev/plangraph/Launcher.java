package dev.plangraph;

import java.nio.file.Path;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community in this JVM with the settings file PlanGraph wrote, until told to stop.
 *
 * Usage: java -cp 'launcher.jar:lib/*' dev.plangraph.Launcher <home-dir> <settings-file>
 *
 * It stops on SIGTERM/SIGINT (shutdown hook) and also when its standard input reaches EOF:
 * the Node process holds the other end of that pipe, so if Node dies in any way, even
 * SIGKILL, the pipe closes and this JVM shuts Neo4j down cleanly instead of living on as an orphan.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher <home-dir> <settings-file>");
            System.exit(2);
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]))
                .loadPropertiesFromFile(Path.of(args[1]))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database("neo4j");
        db.executeTransactionally("RETURN 1");
        // "mixed mode, sharing" when the class-data archive PlanGraph passed was mapped; without "sharing" the JVM
        // found it unusable (another JDK, changed jars) and ran without it, and PlanGraph deletes it.
        System.out.println("PLANGRAPH_NEO4J_VM " + System.getProperty("java.vm.info"));
        System.out.println("PLANGRAPH_NEO4J_READY");
        System.out.flush();

        while (System.in.read() != -1) {
            // Discard anything written to us; only EOF matters.
        }
        System.exit(0);
    }
}
