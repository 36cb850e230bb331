import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A store that costs next to nothing, for the pipeline benchmark's second run only (README.md,
 * "Benchmarks"): mongo-java-server with its H2 backend in memory (no file, so no document is ever
 * serialised), in a process of its own, on the port given. Prints "ready" once it listens.
 */
public class MemoryStore {
  public static void main(String[] args) throws InterruptedException {
    MongoServer server = new MongoServer(H2Backend.inMemory());
    server.bind("127.0.0.1", Integer.parseInt(args[0]));
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }
}
