#!/bin/bash
# A whole float32 sweep of one function as a Slurm job array: task i of 8 sweeps shard i/8 into
# results/; the merge runs as a dependent job once every task has ended (afterany: a task whose
# implementation failed some input exits 1 with a complete result, which the merge reports).
# From the repository root, after `mvn -B -DskipTests package -pl cli -am`:
#   sbatch examples/sharded-sweeps/slurm-array.sh
# A task killed by preemption or a time limit and requeued resumes from its checkpoint.
#SBATCH --job-name=tck-sweep-sigmoid
#SBATCH --array=1-8
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=02:00:00
#SBATCH --requeue
#SBATCH --output=results/slurm-%A_%a.out
set -u
mkdir -p results
jar=cli/target/activation-tck-cli.jar
java -jar "$jar" exhaustive --function sigmoid --hard-cases --progress 0 \
  --threads "${SLURM_CPUS_PER_TASK}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" \
  --result "results/sigmoid-shard-${SLURM_ARRAY_TASK_ID}.json"
code=$?
if [ "${SLURM_ARRAY_TASK_ID}" = "${SLURM_ARRAY_TASK_MIN}" ]; then
  # the first task submits the merge, to run after every task of this array has ended
  sbatch --dependency="afterany:${SLURM_ARRAY_JOB_ID}" --job-name=tck-merge-sigmoid \
    --output=results/slurm-merge-%j.out --wrap \
    "java -jar $jar exhaustive merge --out results/sigmoid-merged.json --fixtures results/hardcases results/sigmoid-shard-*.json"
fi
[ "$code" -le 1 ]
