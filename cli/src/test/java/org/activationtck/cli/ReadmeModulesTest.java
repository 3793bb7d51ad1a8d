package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The README's module table names exactly the modules of the root pom.xml, each with its
 * artifactId, a package root that exists in its sources and the activation-tck artifacts it
 * depends on at compile scope; rows without an artifact are directories that are not modules.
 */
class ReadmeModulesTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern CODE = Pattern.compile("`([^`]+)`");

  record Row(String directory, String artifact, List<String> packages, TreeSet<String> dependsOn) {}

  @Test
  void moduleTableMatchesThePoms() throws Exception {
    Map<String, Row> rows = readmeRows();
    Document root = parse(ROOT.resolve("pom.xml"));
    TreeSet<String> modules = new TreeSet<>();
    for (Element m : children(child(root.getDocumentElement(), "modules"), "module")) {
      modules.add(m.getTextContent().trim());
    }
    TreeSet<String> withArtifact = new TreeSet<>();
    rows.forEach((dir, row) -> { if (row.artifact() != null) withArtifact.add(dir); });
    assertEquals(modules, withArtifact,
        "README.md, section Modules: the rows with an artifact must be the root pom's modules");

    for (String module : modules) {
      Row row = rows.get(module);
      Element project = parse(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
      assertEquals(text(child(project, "artifactId")), row.artifact(),
          "README.md: artifact of " + module + "/");
      for (String pkg : row.packages()) {
        Path dir = ROOT.resolve(module).resolve("src/main/java").resolve(pkg.replace('.', '/'));
        assertTrue(Files.isDirectory(dir), "README.md: package " + pkg + " of " + module
            + "/ is not in its sources (" + dir + ")");
      }
      TreeSet<String> deps = new TreeSet<>();
      Element dependencies = child(project, "dependencies");
      if (dependencies != null) {
        for (Element d : children(dependencies, "dependency")) {
          String scope = text(child(d, "scope"));
          String group = text(child(d, "groupId"));
          if ("org.activationtck".equals(group) && (scope == null || scope.equals("compile"))) {
            deps.add(text(child(d, "artifactId")));
          }
        }
      }
      assertEquals(deps, row.dependsOn(), "README.md: 'depends on' of " + module + "/");
    }

    rows.forEach((dir, row) -> {
      if (row.artifact() == null) {
        assertTrue(Files.isDirectory(ROOT.resolve(dir)), "README.md: no directory " + dir + "/");
        assertFalse(Files.exists(ROOT.resolve(dir).resolve("pom.xml")),
            "README.md: " + dir + "/ has a pom.xml, so its row needs its artifact");
      }
    });
  }

  /** Rows of the table under "## Modules": directory -> row. */
  static Map<String, Row> readmeRows() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int start = lines.indexOf("## Modules");
    assertTrue(start >= 0, "README.md has no section '## Modules'");
    Map<String, Row> rows = new TreeMap<>();
    boolean inTable = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|")) {
        if (inTable) {
          break;
        }
        continue;
      }
      inTable = true;
      List<String> cells = new ArrayList<>(List.of(line.split("\\|", -1)));
      cells = cells.subList(1, cells.size() - 1);
      String first = cells.get(0).trim();
      if (first.equals("directory") || first.startsWith("---")) {
        continue;
      }
      List<String> dirs = codes(first);
      assertEquals(1, dirs.size(), "README.md: one directory per row: " + line);
      String dir = dirs.get(0).replaceAll("/$", "");
      List<String> artifacts = codes(cells.get(1));
      List<String> packages = new ArrayList<>();
      String base = null;
      for (String p : codes(cells.get(2))) {
        if (p.startsWith(".")) {
          packages.add(base + p);
        } else {
          base = p;
          packages.add(p);
        }
      }
      Row row = new Row(dir, artifacts.isEmpty() ? null : artifacts.get(0), packages,
          new TreeSet<>(codes(cells.get(3))));
      assertTrue(rows.put(dir, row) == null, "README.md: " + dir + "/ twice");
    }
    return rows;
  }

  static List<String> codes(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(pom.toFile());
  }

  static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        return (Element) n;
      }
    }
    return null;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  static String text(Element e) {
    return e == null ? null : e.getTextContent().trim();
  }
}
