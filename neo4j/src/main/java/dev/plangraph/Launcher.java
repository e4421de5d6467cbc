package dev.plangraph;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import picocli.CommandLine;

/**
 * Runs Neo4j Community in this JVM with the settings file PlanGraph wrote, until told to stop.
 *
 * Usage: java -cp 'launcher.jar:lib/*' dev.plangraph.Launcher <home-dir> <settings-file>
 * The first line of standard input is the password of the user "neo4j" for this run (auth is on): on standard
 * input, not in the arguments or the environment, because any local user can read another's command line.
 *
 * It stops on SIGTERM/SIGINT (shutdown hook) and also when its standard input reaches EOF:
 * the Node process holds the other end of that pipe, so if Node dies in any way, even
 * SIGKILL, the pipe closes and this JVM shuts Neo4j down cleanly instead of living on as an orphan.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher <home-dir> <settings-file>  (the password on the first line of stdin)");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = stdin.readLine();
        if (password == null || password.isEmpty()) {
            System.err.println("no password on the first line of standard input");
            System.exit(2);
        }

        // A new store: the system database is created at the first boot, and with it the user neo4j. Give it a
        // password nobody knows, the way `neo4j-admin dbms set-initial-password` does (data/dbms/auth.ini, read once
        // at that boot), so Bolt never accepts the default neo4j/neo4j, not even for the moment before this run's
        // password is set below (the same way on every start).
        boolean newStore = !Files.isDirectory(home.resolve("data/databases/system"));
        Path initialPasswordFile = home.resolve("data/dbms/auth.ini");
        if (newStore) {
            byte[] placeholder = new byte[24];
            new SecureRandom().nextBytes(placeholder);
            // Its own output ("Changed password for user 'neo4j'…") is not for PlanGraph's log; errors are.
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            ExecutionContext context = new ExecutionContext(home, home, quiet, System.err, new DefaultFileSystemAbstraction());
            // "--": a password may begin with "-" (base64url), which the command line would take for an option.
            int status = new CommandLine(new SetInitialPasswordCommand(context))
                    .execute("--", Base64.getUrlEncoder().withoutPadding().encodeToString(placeholder));
            if (status != 0) {
                System.err.println("setting the initial password failed (exit " + status + ")");
                System.exit(2);
            }
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(Path.of(args[1]))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        // Its credential now lives in the system database; the file has done its job.
        Files.deleteIfExists(initialPasswordFile);

        // Until this commits, the previous run's password (or the placeholder) is still valid; PlanGraph deleted its
        // copy before starting this JVM, so nobody holds it. From here on only this run's password opens Bolt.
        setPassword(dbms.database("system"), password);

        GraphDatabaseService db = dbms.database("neo4j");
        db.executeTransactionally("RETURN 1");
        // "mixed mode, sharing" when the class-data archive PlanGraph passed was mapped; without "sharing" the JVM
        // found it unusable (another JDK, changed jars) and ran without it, and PlanGraph deletes it.
        System.out.println("PLANGRAPH_NEO4J_VM " + System.getProperty("java.vm.info"));
        System.out.println("PLANGRAPH_NEO4J_READY");
        System.out.flush();

        while (stdin.read() != -1) {
            // Discard anything written to us; only EOF matters.
        }
        System.exit(0);
    }

    /**
     * Sets the password of the user neo4j. `ALTER USER` is the public way, but in a JVM that just started it is the
     * first administration command and costs ~3 s of planning (a third of a warm start); so the user's node in the
     * system database gets its new credential directly, as Neo4j itself does when it applies auth.ini
     * (Community's login reads that node at every login: there is no cache to clear). The classes are Neo4j 5.26's
     * (pom.xml pins the version); should a later Neo4j change them, ALTER USER still does it, only slower.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", "neo4j");
            user.setProperty("credentials", SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher()).serialize());
            user.setProperty("passwordChangeRequired", false);
            tx.commit();
            return;
        } catch (RuntimeException | LinkageError e) {
            System.err.println("setting the password directly failed (" + e + "); using ALTER USER");
        }
        system.executeTransactionally(
                "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    }
}
