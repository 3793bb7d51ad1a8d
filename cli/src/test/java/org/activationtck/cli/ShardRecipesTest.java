package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.activationtck.cli.exhaustive.ShardFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The recipes in {@code examples/sharded-sweeps/}: the manifests parse (YAML by Python's yaml, the
 * Slurm script by {@code bash -n}), each runs its shard command with {@code --shard <i>/8} and
 * {@code --result}, and a merge; every {@code exhaustive} command they hold parses with the TCK's
 * own options; and the commands themselves, restricted to a few inputs, run: 8 shards, then the
 * merge, with exit 0.
 */
class ShardRecipesTest {

  static final Path DIR = Path.of("../examples/sharded-sweeps");
  static final List<String> RECIPES = List.of("kubernetes-indexed-job.yaml",
      "kubernetes-merge-job.yaml", "slurm-array.sh", "github-actions-matrix.yml");

  @TempDir
  Path tmp;

  /** The recipe's text with its variables set for shard 3 of 8. */
  private static String substituted(String text) {
    return text.replace("$((JOB_COMPLETION_INDEX + 1))", "3")
        .replace("${SLURM_ARRAY_TASK_ID}", "3").replace("${SLURM_ARRAY_TASK_COUNT}", "8")
        .replace("${SLURM_CPUS_PER_TASK}", "1").replace("${{ matrix.shard }}", "3")
        .replace("${{ inputs.function }}", "sigmoid").replace("$jar", "cli/target/activation-tck-cli.jar")
        .replace("\"", "").replace("\\\n", " ");
  }

  /** Every {@code exhaustive ...} command of a recipe, as arguments (up to ; && || or a line end). */
  static List<List<String>> commands(String recipe) throws IOException {
    String text = substituted(Files.readString(DIR.resolve(recipe), StandardCharsets.UTF_8));
    // YAML folded scalars (>-) continue on indented lines: join them
    text = text.replaceAll("\n\\s{14,}(?=[-/a-z])", " ");
    List<List<String>> out = new ArrayList<>();
    Matcher m = Pattern.compile("activation-tck-cli\\.jar (exhaustive[^;&|\\n]*)").matcher(text);
    while (m.find()) {
      out.add(List.of(m.group(1).trim().split("\\s+")));
    }
    return out;
  }

  @Test
  void required_recipes_parse_andCallShardResultAndMerge() throws Exception {
    String script = String.join("\n", "import sys, yaml",
        "docs = {f: list(yaml.safe_load_all(open(f))) for f in sys.argv[1:]}",
        "job = [d for d in docs['kubernetes-indexed-job.yaml'] if d['kind'] == 'Job'][0]",
        "assert job['spec']['completionMode'] == 'Indexed' and job['spec']['completions'] == 8",
        "assert docs['kubernetes-merge-job.yaml'][0]['kind'] == 'Job'",
        "gh = docs['github-actions-matrix.yml'][0]",
        "assert gh['jobs']['shard']['strategy']['matrix']['shard'] == list(range(1, 9))",
        "assert gh['jobs']['merge']['needs'] == 'shard'",
        "print('ok')");
    Process p = new ProcessBuilder("python3", "-c", script, "kubernetes-indexed-job.yaml",
        "kubernetes-merge-job.yaml", "github-actions-matrix.yml").directory(DIR.toFile())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    Process bash = new ProcessBuilder("bash", "-n", "slurm-array.sh").directory(DIR.toFile())
        .redirectErrorStream(true).start();
    assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, bash.exitValue());
    for (String recipe : RECIPES) {
      List<List<String>> commands = commands(recipe);
      assertTrue(!commands.isEmpty(), recipe + ": no exhaustive command");
      boolean shard = false;
      boolean merge = false;
      for (List<String> c : commands) {
        // throws for an option the TCK does not have, or a missing value
        TckCommand.commandLine(null).parseArgs(c.toArray(new String[0]));
        shard |= c.contains("--shard") && c.contains("--result") && c.get(c.indexOf("--shard") + 1).equals("3/8");
        merge |= c.size() > 1 && c.get(1).equals("merge");
      }
      assertTrue(shard || recipe.equals("kubernetes-merge-job.yaml"), recipe + ": no --shard 3/8 --result");
      assertTrue(merge || recipe.equals("kubernetes-indexed-job.yaml"), recipe + ": no merge");
    }
  }

  /** The GitHub recipe's two commands, run: its 8 shards on 256 inputs each, then its merge. */
  @Test
  void required_githubRecipe_runs_shardsThenMerge() throws IOException {
    List<List<String>> commands = commands("github-actions-matrix.yml");
    List<String> sweep = commands.stream().filter(c -> c.contains("--shard")).findFirst().orElseThrow();
    List<String> merge = commands.stream().filter(c -> c.get(1).equals("merge")).findFirst().orElseThrow();
    for (int i = 1; i <= 8; i++) {
      List<String> args = new ArrayList<>();
      for (String a : sweep) {
        args.add(a.replace("3/8", i + "/8").replace("results/", tmp + "/").replace("shard-3", "shard-" + i));
      }
      args.addAll(List.of("--range", "0x3f800000:0x3f800800", "--threads", "1"));
      CliRun r = CliRun.exec(args.toArray(new String[0]));
      assertEquals(0, r.code(), r.out() + r.err());
    }
    List<String> args = new ArrayList<>();
    for (String a : merge) {
      if (!a.contains("*")) {
        args.add(a.replace("results/", tmp + "/"));
      }
    }
    int fixtures = args.indexOf("--fixtures"); // a fixture needs all 2^32 inputs: not here
    args.remove(fixtures + 1);
    args.remove(fixtures);
    try (Stream<Path> files = Files.list(tmp)) {
      files.filter(f -> f.getFileName().toString().startsWith("shard-")).sorted()
          .forEach(f -> args.add(f.toString()));
    }
    CliRun r = CliRun.exec(args.toArray(new String[0]));
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(2048, ShardFiles.read(tmp.resolve("merged.json")).checked());
  }
}
