package org.activationtck.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.activationtck.spi.Activation;
import org.activationtck.runner.process.ProcessActivation;
import picocli.CommandLine.Option;

/**
 * The implementation under test, shared by {@code run} and {@code exhaustive}: a ServiceLoader
 * provider by name (default: the built-in reference), a class, or a JSON-lines program. Each
 * {@link #create} makes a new instance, so a multi-threaded command can give every thread its own.
 */
final class ImplementationOptions {

  @Option(names = "--impl", description = "a provider found by ServiceLoader, by name (default: reference)")
  String provider;

  @Option(names = "--impl-class", paramLabel = "FQCN", description = "an Activation class on the class path")
  String className;

  @Option(names = "--impl-command", paramLabel = "CMD", description = "a program speaking the JSON-lines protocol")
  String command;

  /** How reports name the implementation before it is created. */
  String describe() {
    return command != null ? command : className != null ? className : provider == null ? "reference" : provider;
  }

  /**
   * A new instance.
   *
   * @throws IllegalArgumentException for a class or provider that cannot be found or made, or a
   *     command that cannot start
   */
  Activation create(boolean shell, Duration timeout) {
    if (command != null) {
      ProcessActivation p = new ProcessActivation(command, shell, timeout);
      p.start(); // a command that cannot start at all is bad input: exit 2 before the run
      return p;
    }
    if (className != null) {
      try {
        return (Activation) Class.forName(className).getConstructor().newInstance();
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("--impl-class: class not found: " + className);
      } catch (java.lang.reflect.InvocationTargetException e) {
        // the constructor threw: its own exception is the message, not the reflection wrapper
        throw new IllegalArgumentException("--impl-class: the constructor of " + className
            + " failed: " + describe(e.getCause()));
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException("--impl-class: cannot instantiate " + className
            + " as an org.activationtck.spi.Activation: " + e);
      } catch (LinkageError e) {
        // a missing dependency jar (NoClassDefFoundError) or a failing static initialiser
        // (ExceptionInInitializerError): one line with the cause, never a stack trace
        throw new IllegalArgumentException("--impl-class: cannot load " + className + ": "
            + describe(e) + (e.getCause() != null ? ", caused by " + describe(e.getCause()) : ""));
      }
    }
    String name = provider == null ? "reference" : provider;
    List<String> names = new ArrayList<>();
    for (Activation a : ServiceLoader.load(Activation.class)) {
      if (a.name().equals(name)) {
        return a;
      }
      names.add(a.name());
    }
    throw new IllegalArgumentException("--impl: no provider named '" + name + "' (found: " + names + ")");
  }

  /** {@code IllegalStateException (no licence key found)}: the class's simple name and message. */
  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
  }
}
