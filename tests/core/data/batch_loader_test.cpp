// BatchLoader: epoch coverage, determinism across thread counts, sharding, drop_last, seeking,
// skip-and-count of bad samples, errors as exceptions, and shutdown while work is in flight.
#include "core/data/batch_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "core/data/eval_loader.h"
#include "core/io/train_config.h"
#include "tests/core/data/synthetic_dataset.h"

namespace folk {
namespace {

AugmentConfig smallAugment(int channels = 1) {
  AugmentConfig config = defaultConfig().data.augment;
  config.outputSize = 8;
  config.channels = channels;
  return config;
}

LoaderOptions options(int batch, int workers, bool dropLast = false) {
  LoaderOptions o;
  o.batchSize = batch;
  o.workers = workers;
  o.dropLast = dropLast;
  o.seed = 11;
  return o;
}

std::vector<std::int64_t> indicesOf(const TwoViewBatch& b) {
  return std::vector<std::int64_t>(b.indices.data_ptr<std::int64_t>(), b.indices.data_ptr<std::int64_t>() + b.size());
}

TEST(BatchLoader, EveryIndexOncePerEpochWithoutDropLast) {
  auto ds = std::make_shared<test::SyntheticDataset>(103);
  BatchLoader loader(ds, smallAugment(), {}, options(10, 3));
  ASSERT_EQ(loader.batchesPerEpoch(), 11);
  for (std::int64_t epoch = 0; epoch < 2; ++epoch) {
    std::vector<std::int64_t> seen;
    for (std::int64_t b = 0; b < loader.batchesPerEpoch(); ++b) {
      auto batch = loader.next();
      ASSERT_TRUE(batch.has_value());
      EXPECT_EQ(batch->epoch, epoch);
      EXPECT_EQ(batch->batchInEpoch, b);
      EXPECT_EQ(batch->size(), b < 10 ? 10 : 3);
      for (std::int64_t r = 0; r < batch->size(); ++r) {
        const auto index = batch->indices[r].item<std::int64_t>();
        EXPECT_EQ(batch->labels[r].item<std::int64_t>(), index % 5);
        seen.push_back(index);
      }
    }
    std::vector<std::int64_t> sorted = seen;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::int64_t> all(103);
    std::iota(all.begin(), all.end(), 0);
    EXPECT_EQ(sorted, all) << "epoch " << epoch;
    EXPECT_NE(seen, all) << "shuffled";
  }
}

TEST(BatchLoader, BatchTensorsHaveShapeRangeAndNormalisation) {
  auto ds = std::make_shared<test::SyntheticDataset>(20, 1, 12);
  const Normalization norm{{0.25f, 0.5f, 0.75f}, {0.5f, 0.25f, 2.0f}};
  AugmentConfig augment = smallAugment(3);
  augment.jitter.probability = 0.0;  // brightness would change the constant value checked below
  BatchLoader loader(ds, augment, norm, options(6, 2, true));
  auto batch = loader.next();
  ASSERT_TRUE(batch);
  for (int v = 0; v < 2; ++v) {
    EXPECT_EQ(batch->views[v].sizes(), (std::vector<std::int64_t>{6, 3, 8, 8}));
    EXPECT_EQ(batch->views[v].dtype(), torch::kFloat32);
    EXPECT_GE(batch->views[v].min().item<float>(), 0.0f);
    EXPECT_LE(batch->views[v].max().item<float>(), 1.0f);
    EXPECT_TRUE(torch::allclose(batch->normalized[v], normalizeBatch(batch->views[v], norm), 1e-5, 1e-6));
  }
  EXPECT_EQ(batch->labels.dtype(), torch::kInt64);
  // Constant synthetic images: every pixel of a view row encodes its dataset index.
  for (std::int64_t r = 0; r < batch->size(); ++r) {
    const auto index = std::size_t(batch->indices[r].item<std::int64_t>());
    EXPECT_NEAR(batch->views[0][r].mean().item<float>(), test::SyntheticDataset::valueOf(index), 1e-4);
  }
}

TEST(BatchLoader, LocalCropsComeWithEveryBatch) {
  auto ds = std::make_shared<test::SyntheticDataset>(20, 1, 12);
  AugmentConfig augment = smallAugment(1);
  augment.jitter.probability = 0.0;
  augment.local.count = 3;
  augment.local.size = 4;
  BatchLoader loader(ds, augment, {}, options(6, 2, true));
  AugmentConfig withoutLocals = augment;
  withoutLocals.local.count = 0;
  BatchLoader twoViews(ds, withoutLocals, {}, options(6, 2, true));
  auto batch = loader.next();
  auto plain = twoViews.next();
  ASSERT_TRUE(batch && plain);
  ASSERT_EQ(batch->locals.size(), 3u);
  ASSERT_EQ(batch->localsNormalized.size(), 3u);
  EXPECT_TRUE(plain->locals.empty());
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(batch->locals[k].sizes(), (std::vector<std::int64_t>{6, 1, 4, 4}));
    EXPECT_TRUE(torch::allclose(batch->localsNormalized[k],
                                normalizeBatch(batch->locals[k], Normalization::defaultsFor(1)), 1e-5, 1e-6));
    // Constant synthetic images: a local crop of a row shows that row's sample.
    EXPECT_TRUE(torch::allclose(batch->locals[k].mean({1, 2, 3}), batch->views[0].mean({1, 2, 3}), 1e-4, 1e-5));
  }
  EXPECT_TRUE(torch::equal(batch->views[1], plain->views[1]));  // the global views are the two-view ones
}

TEST(BatchLoader, SameBatchesWhateverTheNumberOfWorkers) {
  auto ds = std::make_shared<test::SyntheticDataset>(50, 3, 16);
  AugmentConfig augment = smallAugment(3);
  BatchLoader serial(ds, augment, {}, options(8, 0));
  BatchLoader parallel(ds, augment, {}, options(8, 4));
  for (int k = 0; k < 10; ++k) {  // crosses the epoch boundary (7 batches per epoch)
    auto a = serial.next();
    auto b = parallel.next();
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->epoch, b->epoch);
    EXPECT_TRUE(torch::equal(a->indices, b->indices));
    EXPECT_TRUE(torch::equal(a->views[0], b->views[0]));
    EXPECT_TRUE(torch::equal(a->views[1], b->views[1]));
  }
}

TEST(BatchLoader, ShardsAreDisjointAndCoverTheEpoch) {
  auto ds = std::make_shared<test::SyntheticDataset>(31);
  std::set<std::size_t> all;
  std::size_t total = 0;
  for (int rank = 0; rank < 3; ++rank) {
    LoaderOptions o = options(4, 1, true);
    o.rank = rank;
    o.worldSize = 3;
    BatchLoader loader(ds, smallAugment(), {}, o);
    EXPECT_EQ(loader.samplesPerEpoch(), 10u);  // 31 / 3, the remainder dropped
    EXPECT_EQ(loader.batchesPerEpoch(), 2);    // 10 / 4 full batches
    const auto plan = loader.epochIndices(0);
    all.insert(plan.begin(), plan.end());
    total += plan.size();
    auto first = loader.next();
    ASSERT_TRUE(first);
    for (std::int64_t r = 0; r < first->size(); ++r) EXPECT_EQ(first->indices[r].item<std::int64_t>(), std::int64_t(plan[std::size_t(r)]));
  }
  EXPECT_EQ(total, 30u);
  EXPECT_EQ(all.size(), 30u);  // disjoint

  // Without drop_last, shards are padded to equal length and together cover every sample.
  std::set<std::size_t> covered;
  for (int rank = 0; rank < 3; ++rank) {
    LoaderOptions o = options(4, 0, false);
    o.rank = rank;
    o.worldSize = 3;
    BatchLoader loader(ds, smallAugment(), {}, o);
    EXPECT_EQ(loader.samplesPerEpoch(), 11u);
    const auto plan = loader.epochIndices(1);
    covered.insert(plan.begin(), plan.end());
  }
  EXPECT_EQ(covered.size(), 31u);
}

TEST(BatchLoader, DropLastAndEpochLimit) {
  auto ds = std::make_shared<test::SyntheticDataset>(23);
  LoaderOptions o = options(5, 2, true);
  o.epochs = 2;
  BatchLoader loader(ds, smallAugment(), {}, o);
  EXPECT_EQ(loader.batchesPerEpoch(), 4);
  int count = 0;
  while (auto batch = loader.next()) {
    EXPECT_EQ(batch->size(), 5);
    ++count;
  }
  EXPECT_EQ(count, 8);
  EXPECT_FALSE(loader.next().has_value());
  // Fewer samples than one batch is an error before training.
  EXPECT_THROW(BatchLoader(ds, smallAugment(), {}, options(24, 1, true)), DatasetError);
}

TEST(BatchLoader, SeekResumesAtAStepBoundary) {
  auto ds = std::make_shared<test::SyntheticDataset>(40);
  BatchLoader reference(ds, smallAugment(), {}, options(6, 2));
  std::vector<TwoViewBatch> batches;
  for (int k = 0; k < 10; ++k) batches.push_back(*reference.next());  // 7 per epoch
  BatchLoader resumed(ds, smallAugment(), {}, options(6, 3));
  resumed.next();  // consumes position 0 before seeking away
  resumed.seek(1, 1);
  auto b = resumed.next();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->epoch, 1);
  EXPECT_EQ(b->batchInEpoch, 1);
  EXPECT_TRUE(torch::equal(b->indices, batches[8].indices));
  EXPECT_TRUE(torch::equal(b->views[1], batches[8].views[1]));
  EXPECT_THROW(resumed.seek(0, 7), std::invalid_argument);
}

TEST(BatchLoader, BadSamplesAreReplacedDeterministicallyAndCounted) {
  auto ds = std::make_shared<test::SyntheticDataset>(30, 1, 8, std::set<std::size_t>{3, 17});
  auto run = [&](int workers) {
    BatchLoader loader(ds, smallAugment(), {}, options(10, workers));
    std::vector<std::int64_t> seen;
    for (int k = 0; k < 3; ++k) {
      auto indices = indicesOf(*loader.next());
      seen.insert(seen.end(), indices.begin(), indices.end());
    }
    return std::make_pair(seen, loader.report());
  };
  const auto [seen, report] = run(3);
  EXPECT_EQ(seen.size(), 30u);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 3), 0);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 17), 0);
  EXPECT_EQ(report.badFiles, 2u);
  EXPECT_GE(report.substitutions, 2u);
  std::set<std::string> paths;
  for (const auto& f : report.files) paths.insert(f.path);
  EXPECT_EQ(paths, (std::set<std::string>{"synthetic:3", "synthetic:17"}));
  EXPECT_NE(report.files[0].reason.find("synthetic decode failure"), std::string::npos);
  EXPECT_EQ(run(0).first, seen);  // substitutes do not depend on the threads
}

TEST(BatchLoader, UnusableDatasetSurfacesAsAnException) {
  auto ds = std::make_shared<test::SyntheticDataset>(30);
  ds->setAllBad(true);
  BatchLoader loader(ds, smallAugment(), {}, options(10, 2));
  try {
    loader.next();
    FAIL() << "no exception";
  } catch (const DatasetError& e) {
    EXPECT_NE(std::string(e.what()).find("unusable"), std::string::npos) << e.what();
  }
}

TEST(BatchLoader, EarlyDestructionDoesNotHang) {
  // Slow loads and a deep queue: the destructor must cancel in-flight batches, not finish them.
  auto ds = std::make_shared<test::SyntheticDataset>(10000);
  ds->setDelay(std::chrono::microseconds(500));
  {
    LoaderOptions o = options(256, 4);
    o.prefetchBatches = 16;
    BatchLoader loader(ds, smallAugment(), {}, o);
    auto batch = loader.next();
    ASSERT_TRUE(batch);
  }
  {
    BatchLoader untouched(ds, smallAugment(), {}, options(256, 4));  // never consumed at all
  }
  SUCCEED();
}

TEST(EvalLoader, SequentialSingleViewInDatasetOrder) {
  auto ds = std::make_shared<test::SyntheticDataset>(23, 1, 12, std::set<std::size_t>{5});
  EvalLoader loader(ds, EvalTransform{8, 1, 1.0}, Normalization{{0.5f}, {0.5f}}, 10, 2);
  EXPECT_EQ(loader.batches(), 3);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<std::int64_t> seen;
    while (auto batch = loader.next()) {
      EXPECT_EQ(batch->images.size(1), 1);
      EXPECT_EQ(batch->images.size(2), 8);
      EXPECT_TRUE(torch::allclose(batch->normalized, (batch->images - 0.5) / 0.5));
      for (std::int64_t r = 0; r < batch->size(); ++r) {
        const auto i = batch->indices[r].item<std::int64_t>();
        seen.push_back(i);
        EXPECT_NEAR(batch->images[r].mean().item<float>(), test::SyntheticDataset::valueOf(std::size_t(i)), 1e-5);
      }
    }
    std::vector<std::int64_t> expected;
    for (std::int64_t i = 0; i < 23; ++i)
      if (i != 5) expected.push_back(i);
    EXPECT_EQ(seen, expected);
    loader.reset();
  }
  EXPECT_EQ(loader.report().badFiles, 1u);
}

}  // namespace
}  // namespace folk
