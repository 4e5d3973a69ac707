#pragma once
// The names of the files and folders inside a run folder (DESIGN.md §5), declared once: the engine
// that writes them (RunDirectory, Session), the readers (RunSummary, folk study, the Results
// workspace) and the pages that rename runs all use these.
namespace folk::run_files {

inline constexpr const char* kConfig = "config.json";           // the run's TrainConfig
inline constexpr const char* kMetricsJsonl = "metrics.jsonl";   // one row per logged step
inline constexpr const char* kMetricsCsv = "metrics.csv";       // the same rows for spreadsheets
inline constexpr const char* kEval = "eval.json";               // the latest evaluation and its history
inline constexpr const char* kState = "state.json";             // running / stopped / finished / failed
inline constexpr const char* kCheckpoints = "checkpoints";      // step-NNNNNNNN.pt files
inline constexpr const char* kCheckpointIndex = "latest.json";  // in kCheckpoints: the newest checkpoint
inline constexpr const char* kSamples = "samples";              // probe-image PNGs

}  // namespace folk::run_files
