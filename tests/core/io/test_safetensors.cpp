// safetensors reader / writer (core/io/safetensors.h): a file written by an independent Python
// writer (tests/data/hostile/safetensors/make_safetensors_cases.py) reads back with the values the
// script put in; C++ round trips keep names, dtypes, shapes, values and metadata; and each lie a
// file can tell about itself is a clear error naming the file, before anything large is allocated.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/io/safetensors.h"
#include "tests/core/data/temp_dir.h"

namespace folk {
namespace {

const std::string kCases = std::string(FOLK_TEST_DATA_DIR) + "/hostile/safetensors/";

torch::Tensor find(const safetensors::Contents& c, const std::string& name) {
  for (const auto& [n, t] : c.tensors) {
    if (n == name) return t;
  }
  ADD_FAILURE() << "no tensor " << name;
  return {};
}

TEST(Safetensors, ReadsAFileWrittenByAnIndependentPythonWriter) {
  const auto c = safetensors::read(kCases + "valid.safetensors");
  ASSERT_EQ(c.tensors.size(), 6u);
  EXPECT_EQ(c.metadata.at("format"), "pt");
  EXPECT_EQ(c.metadata.at("note"), "made by make_safetensors_cases.py");

  const auto weight = find(c, "weight");
  EXPECT_EQ(weight.scalar_type(), torch::kFloat32);
  EXPECT_EQ(weight.sizes(), torch::IntArrayRef({2, 3}));
  EXPECT_TRUE(torch::equal(weight, torch::arange(6, torch::kFloat32).reshape({2, 3})));

  const auto count = find(c, "count");
  EXPECT_EQ(count.scalar_type(), torch::kInt64);
  EXPECT_EQ(count.dim(), 0);
  EXPECT_EQ(count.item<std::int64_t>(), 7);

  const auto flags = find(c, "flags");
  EXPECT_EQ(flags.scalar_type(), torch::kBool);
  EXPECT_TRUE(torch::equal(flags, torch::tensor({true, false, true})));

  const auto half = find(c, "half");
  EXPECT_EQ(half.scalar_type(), torch::kFloat16);
  EXPECT_TRUE(torch::equal(half.to(torch::kFloat32), torch::tensor({1.5f, -2.0f})));

  const auto bf = find(c, "bf");
  EXPECT_EQ(bf.scalar_type(), torch::kBFloat16);
  EXPECT_TRUE(torch::equal(bf.to(torch::kFloat32), torch::tensor({1.0f, -3.0f})));

  const auto empty = find(c, "empty");
  EXPECT_EQ(empty.sizes(), torch::IntArrayRef({0, 4}));
}

TEST(Safetensors, RoundTripKeepsNamesDtypesShapesValuesAndMetadata) {
  test::TempDir dir;
  const auto path = (dir.path() / "w.safetensors").string();
  torch::manual_seed(3);
  const safetensors::NamedTensors tensors = {
      {"blocks.0.attn.qkv.weight", torch::randn({6, 2})},
      {"strided", torch::randn({4, 5}).t()},  // not contiguous: stored contiguous
      {"num_batches_tracked", torch::tensor(12, torch::kInt64)},
      {"half", torch::randn({3}).to(torch::kFloat16)},
      {"bf", torch::randn({2, 2}).to(torch::kBFloat16)},
      {"double", torch::randn({2}, torch::kFloat64)},
      {"mask", torch::tensor({true, false})},
      {"bytes", torch::tensor({0, 255}, torch::kUInt8)},
      {"empty", torch::zeros({0})},
  };
  safetensors::write(path, tensors, {{"format", "pt"}, {"folk.step", "12"}});
  // The header is padded so the data starts 8-byte aligned.
  std::ifstream in(path, std::ios::binary);
  std::uint64_t headerBytes = 0;
  in.read(reinterpret_cast<char*>(&headerBytes), 8);
  EXPECT_EQ(headerBytes % 8, 0u);

  const auto back = safetensors::read(path);
  ASSERT_EQ(back.tensors.size(), tensors.size());
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    SCOPED_TRACE(tensors[i].first);
    EXPECT_EQ(back.tensors[i].first, tensors[i].first);  // file order is the written order
    EXPECT_EQ(back.tensors[i].second.scalar_type(), tensors[i].second.scalar_type());
    EXPECT_TRUE(torch::equal(back.tensors[i].second, tensors[i].second));
  }
  EXPECT_EQ(back.metadata, (safetensors::Metadata{{"format", "pt"}, {"folk.step", "12"}}));
}

TEST(Safetensors, WriterRefusesDuplicateAndReservedNamesAndLeavesNoFile) {
  test::TempDir dir;
  const auto path = (dir.path() / "w.safetensors").string();
  EXPECT_THROW(safetensors::write(path, {{"a", torch::zeros({1})}, {"a", torch::zeros({1})}}), std::invalid_argument);
  EXPECT_THROW(safetensors::write(path, {{"__metadata__", torch::zeros({1})}}), std::invalid_argument);
  EXPECT_THROW(safetensors::write(path, {{"", torch::zeros({1})}}), std::invalid_argument);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Safetensors, MissingFileIsAnErrorNamingIt) {
  try {
    safetensors::read("/nonexistent/weights.safetensors");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/weights.safetensors: cannot open"), std::string::npos)
        << e.what();
  }
}

// Each corpus file is one lie about the format; the message must name the file and the lie.
TEST(Safetensors, HostileFilesAreClearErrorsNamingTheFile) {
  const std::pair<const char*, const char*> cases[] = {
      {"zero_bytes.safetensors", "shorter than the 8-byte header length"},
      {"shorter_than_length.safetensors", "shorter than the 8-byte header length"},
      {"header_length_beyond_file.safetensors", "but the file has only"},
      {"header_length_huge.safetensors", "more than the"},
      {"header_not_json.safetensors", "not valid JSON"},
      {"header_is_array.safetensors", "not a JSON object"},
      {"unknown_dtype.safetensors", "dtype 'F8_E4M3', which FOLK cannot read"},
      {"negative_shape.safetensors", "is negative"},
      {"fractional_shape.safetensors", "is not an integer"},
      {"shape_overflows.safetensors", "needs more than 4611686018427387904 bytes"},
      {"offsets_beyond_data.safetensors", "lies beyond the 24 data bytes"},
      {"offsets_reversed.safetensors", "end before they begin"},
      {"shape_disagrees_with_offsets.safetensors", "needs 24 bytes, but its data_offsets span 20"},
      {"overlapping.safetensors", "overlaps the previous tensor"},
      {"gap.safetensors", "belong to no tensor"},
      {"trailing_bytes.safetensors", "8 bytes after the last tensor"},
      {"metadata_not_string.safetensors", "metadata 'step' is not a string"},
      {"missing_offsets.safetensors", "has no \"data_offsets\""},
      {"truncated_data.safetensors", "lies beyond the 10 data bytes"},
  };
  for (const auto& [file, mustContain] : cases) {
    SCOPED_TRACE(file);
    const auto path = kCases + file;
    try {
      safetensors::read(path);
      ADD_FAILURE() << "read without an error";
    } catch (const std::runtime_error& e) {
      const std::string message = e.what();
      EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;
      EXPECT_NE(message.find(mustContain), std::string::npos) << message;
    }
  }
}

}  // namespace
}  // namespace folk
