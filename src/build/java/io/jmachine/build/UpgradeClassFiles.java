package io.jmachine.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step (run by the pom, not shipped): copies a jar, rewriting its pre-Java 6 class files
 * (version 49 and older) as Java 8 class files with the stack map frames those need. Nothing else
 * changes: same entries, same order, same times, same instructions.
 *
 * <p>Why: the JVM's class-data sharing archives no class older than version 50, and it also leaves
 * out version-50 classes without frames. picocli is compiled for Java 5, so every jmachine start
 * would read, parse and verify (with the old, slow verifier) some 170 picocli classes that the
 * launcher's archive could otherwise hand over ready-made. See docs/performance.md for the figures.
 *
 * <p>Every rewritten class is then loaded and initialized in a fresh class loader, so that a frame
 * the verifier rejects fails the build rather than a user's command.
 *
 * <p>Usage: {@code UpgradeClassFiles IN.jar OUT.jar}
 */
public final class UpgradeClassFiles {
  private static final int JAVA_6 = 50;

  private UpgradeClassFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: UpgradeClassFiles IN.jar OUT.jar");
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    List<String> rewritten = new ArrayList<>();
    try (URLClassLoader original = loader(in);
        InputStream input = Files.newInputStream(in);
        ZipInputStream zin = new ZipInputStream(input);
        OutputStream output = Files.newOutputStream(out);
        ZipOutputStream zout = new ZipOutputStream(output)) {
      for (ZipEntry entry = zin.getNextEntry(); entry != null; entry = zin.getNextEntry()) {
        String name = entry.getName();
        if (name.startsWith("META-INF/") && name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")) {
          throw new IllegalStateException(in + " is signed; rewriting would break its signature");
        }
        byte[] bytes = zin.readAllBytes();
        if (name.endsWith(".class") && majorVersion(bytes) < JAVA_6) {
          bytes = upgrade(bytes, original);
          rewritten.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
        ZipEntry copy = new ZipEntry(name);
        copy.setTimeLocal(entry.getTimeLocal());
        zout.putNextEntry(copy);
        zout.write(bytes);
        zout.closeEntry();
      }
    }
    verify(out, rewritten);
    System.out.println(
        "UpgradeClassFiles: " + rewritten.size() + " class files of " + in.getFileName() + " now Java 8");
  }

  private static int majorVersion(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  private static byte[] upgrade(byte[] classFile, ClassLoader classes) {
    ClassReader reader = new ClassReader(classFile);
    // frames need the common super class of two types: look it up among the jar's own classes
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return classes;
          }
        };
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
          }
        },
        0);
    return writer.toByteArray();
  }

  private static void verify(Path jar, List<String> classNames) throws IOException {
    try (URLClassLoader upgraded = loader(jar)) {
      for (String name : classNames) {
        try {
          Class.forName(name, true, upgraded);
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("rewritten " + name + " does not load: " + e, e);
        }
      }
    }
  }

  private static URLClassLoader loader(Path jar) throws IOException {
    return new URLClassLoader(
        new URL[] {jar.toUri().toURL()}, UpgradeClassFiles.class.getClassLoader().getParent());
  }
}
