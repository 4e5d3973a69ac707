#include "core/io/metrics_log.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/util/atomic_file.h"

namespace folk {

namespace {

std::FILE* openForAppend(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "ab");
  if (!f) throw std::runtime_error(path + ": cannot open for appending: " + std::strerror(errno));
  return f;
}

void writeLine(std::FILE* f, const std::string& line, const std::string& path) {
  if (std::fwrite(line.data(), 1, line.size(), f) != line.size() || std::fflush(f) != 0) {
    throw std::runtime_error(path + ": cannot append metrics: " + std::strerror(errno));
  }
}

std::string csvLine(const MetricsRow& r) {
  std::ostringstream s;
  s.precision(9);
  s << r.step << ',' << r.epoch;
  for (const auto& d : stepMetrics()) {
    s << ',';
    if (r.values.has(d.metric)) s << r.values[d.metric];
  }
  return s.str();
}

MetricsRow fromJson(const nlohmann::json& j) {
  MetricsRow r;
  r.step = j.at("step").get<std::int64_t>();
  r.epoch = j.value("epoch", std::int64_t{0});
  for (const auto& d : stepMetrics()) {
    const auto it = j.find(d.key);
    if (it != j.end() && it->is_number()) r.values[d.metric] = it->get<double>();
  }
  return r;
}

}  // namespace

std::string metricsCsvHeader() {
  std::string header = "step,epoch";
  for (const auto& d : stepMetrics()) header += std::string(",") + d.key;
  return header;
}

std::string toJsonLine(const MetricsRow& r) {
  nlohmann::ordered_json j = {{"step", r.step}, {"epoch", r.epoch}};
  for (const auto& d : stepMetrics()) {
    if (r.values.has(d.metric)) j[d.key] = r.values[d.metric];
  }
  return j.dump();
}

MetricsRow parseMetricsLine(const std::string& line) {
  try {
    const auto j = nlohmann::json::parse(line);
    if (!j.is_object() || !j.contains("step") || !j["step"].is_number_integer()) {
      throw std::runtime_error("not a metrics row: no whole-number \"step\"");
    }
    return fromJson(j);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(e.what());
  }
}

MetricsWriter::MetricsWriter(std::string jsonlPath, std::string csvPath)
    : jsonlPath_(std::move(jsonlPath)), csvPath_(std::move(csvPath)) {
  jsonl_ = openForAppend(jsonlPath_);
  try {
    csv_ = openForAppend(csvPath_);
    std::fseek(csv_, 0, SEEK_END);
    if (std::ftell(csv_) == 0) writeLine(csv_, metricsCsvHeader() + "\n", csvPath_);
  } catch (...) {
    std::fclose(jsonl_);
    if (csv_) std::fclose(csv_);
    throw;
  }
}

MetricsWriter::~MetricsWriter() {
  std::fclose(jsonl_);
  std::fclose(csv_);
}

void MetricsWriter::append(const MetricsRow& row) {
  writeLine(jsonl_, toJsonLine(row) + "\n", jsonlPath_);
  writeLine(csv_, csvLine(row) + "\n", csvPath_);
}

std::vector<MetricsRow> readMetrics(const std::string& jsonlPath) {
  std::ifstream in(jsonlPath, std::ios::binary);
  if (!in) return {};
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<MetricsRow> rows;
  std::size_t start = 0;
  int lineNumber = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    ++lineNumber;
    const bool complete = end != std::string::npos;
    const auto line = text.substr(start, complete ? end - start : std::string::npos);
    const bool last = !complete || end + 1 >= text.size();
    start = complete ? end + 1 : text.size();
    if (line.empty()) continue;
    if (!complete) break;  // being written, or cut by a crash
    try {
      rows.push_back(fromJson(nlohmann::json::parse(line)));
    } catch (const nlohmann::json::exception& e) {
      if (last) break;
      throw std::runtime_error(jsonlPath + ": line " + std::to_string(lineNumber) + " is not a metrics row: " +
                               e.what());
    }
  }
  return rows;
}

void truncateMetrics(const std::string& jsonlPath, const std::string& csvPath, std::int64_t lastStep) {
  std::string jsonl, csv = metricsCsvHeader() + "\n";
  for (const auto& row : readMetrics(jsonlPath)) {
    if (row.step > lastStep) continue;
    jsonl += toJsonLine(row) + "\n";
    csv += csvLine(row) + "\n";
  }
  writeFileAtomically(jsonlPath, jsonl);
  writeFileAtomically(csvPath, csv);
}

}  // namespace folk
