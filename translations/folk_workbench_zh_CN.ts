<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FilterKind</name>
    <message>
        <source>Com — keep strongest</source>
        <translation>Com — 保留最强系数</translation>
    </message>
    <message>
        <source>Com ρ=%L1</source>
        <translation>Com ρ=%L1</translation>
    </message>
    <message>
        <source>RCom — remove strongest</source>
        <translation>RCom — 移除最强系数</translation>
    </message>
    <message>
        <source>RCom ρ=%L1</source>
        <translation>RCom ρ=%L1</translation>
    </message>
    <message>
        <source>Low-pass disc</source>
        <translation>低通圆盘</translation>
    </message>
    <message>
        <source>Low-pass r=%L1</source>
        <translation>低通 r=%L1</translation>
    </message>
    <message>
        <source>High-pass disc</source>
        <translation>高通圆盘</translation>
    </message>
    <message>
        <source>High-pass r=%L1</source>
        <translation>高通 r=%L1</translation>
    </message>
    <message>
        <source> W=%L1</source>
        <translation> W=%L1</translation>
    </message>
    <message>
        <source> n=%L1</source>
        <translation> n=%L1</translation>
    </message>
    <message>
        <source>Gaussian low-pass</source>
        <translation>高斯低通</translation>
    </message>
    <message>
        <source>Gaussian low-pass D₀=%L1</source>
        <translation>高斯低通 D₀=%L1</translation>
    </message>
    <message>
        <source>Gaussian high-pass</source>
        <translation>高斯高通</translation>
    </message>
    <message>
        <source>Gaussian high-pass D₀=%L1</source>
        <translation>高斯高通 D₀=%L1</translation>
    </message>
    <message>
        <source>Gaussian band-pass</source>
        <translation>高斯带通</translation>
    </message>
    <message>
        <source>Gaussian band-pass C₀=%L1</source>
        <translation>高斯带通 C₀=%L1</translation>
    </message>
    <message>
        <source>Gaussian band-stop</source>
        <translation>高斯带阻</translation>
    </message>
    <message>
        <source>Gaussian band-stop C₀=%L1</source>
        <translation>高斯带阻 C₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth low-pass</source>
        <translation>巴特沃斯低通</translation>
    </message>
    <message>
        <source>Butterworth low-pass D₀=%L1</source>
        <translation>巴特沃斯低通 D₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth high-pass</source>
        <translation>巴特沃斯高通</translation>
    </message>
    <message>
        <source>Butterworth high-pass D₀=%L1</source>
        <translation>巴特沃斯高通 D₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth band-pass</source>
        <translation>巴特沃斯带通</translation>
    </message>
    <message>
        <source>Butterworth band-pass C₀=%L1</source>
        <translation>巴特沃斯带通 C₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth band-stop</source>
        <translation>巴特沃斯带阻</translation>
    </message>
    <message>
        <source>Butterworth band-stop C₀=%L1</source>
        <translation>巴特沃斯带阻 C₀=%L1</translation>
    </message>
</context>
<context>
    <name>ProbePicture</name>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Filtered view</source>
        <translation>滤波后的视图</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>重建</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>LibTorch %1</source>
        <translation>LibTorch %1</translation>
    </message>
    <message>
        <source>OpenCV %1</source>
        <translation>OpenCV %1</translation>
    </message>
    <message>
        <source>OpenCV %1 (built with %2)</source>
        <translation>OpenCV %1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>FFTW %1</source>
        <translation>FFTW %1</translation>
    </message>
    <message>
        <source>About FOLK Workbench</source>
        <translation>关于 FOLK Workbench</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>In the image views and plots: mouse wheel zooms, dragging pans, a double click fits.</source>
        <translation>在图像视图和图表中：滚轮缩放，拖动平移，双击适应窗口。</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>%1 (%L2 %)</source>
        <translation>%1（%L2 %）</translation>
    </message>
    <message>
        <source>Retained energy</source>
        <translation>保留能量</translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation>%L1 %</translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation>PSNR</translation>
    </message>
    <message>
        <source>∞ (identical)</source>
        <translation>∞（完全相同）</translation>
    </message>
    <message>
        <source>%L1 dB</source>
        <translation>%L1 dB</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <source>%L1 bins</source>
        <translation>%L1 个频点</translation>
    </message>
    <message>
        <source>Threshold τ</source>
        <translation>阈值 τ</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: the folder contains no image files</source>
        <translation>%1：文件夹中没有图像文件</translation>
    </message>
    <message>
        <source>%1×%2 %3</source>
        <translation>%1×%2 %3</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>%1: nothing to export (the view is empty)</source>
        <translation>%1：没有可导出的内容（视图为空）</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>%1: PNG encoding failed</source>
        <translation>%1：PNG 编码失败</translation>
    </message>
    <message>
        <source>QCustomPlot %1</source>
        <translation>QCustomPlot %1</translation>
    </message>
    <message>
        <source>zlib %1</source>
        <translation>zlib %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FOLK Workbench %1&lt;/h3&gt;&lt;p&gt;Frequency-guided masking (Com / RCom) for self-supervised learning: explore spectra and masks, train and compare runs.&lt;/p&gt;&lt;p&gt;Views: wheel to zoom, drag to pan, double-click to fit; zoom is shared by the image views and by the spectrum and mask.&lt;/p&gt;&lt;p&gt;FOLK Workbench is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY. The full text is in the file LICENSE of the sources and in /usr/share/common-licenses/GPL-3 on Debian.&lt;/p&gt;&lt;p&gt;Built with these libraries, under these licences:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;FOLK Workbench %1&lt;/h3&gt;&lt;p&gt;频率引导掩码（Com / RCom）用于自监督学习：探索频谱与掩码，训练并比较各次运行。&lt;/p&gt;&lt;p&gt;视图：滚轮缩放，拖动平移，双击适应窗口；各图像视图之间以及频谱与掩码之间共享缩放。&lt;/p&gt;&lt;p&gt;FOLK Workbench 是自由软件：您可以依据 GNU 通用公共许可证第 3 版或（由您选择）任何更新版本（GPL-3.0-or-later）的条款重新分发和/或修改它。本软件不提供任何担保。完整许可证文本见源代码中的 LICENSE 文件，在 Debian 上见 /usr/share/common-licenses/GPL-3。&lt;/p&gt;&lt;p&gt;构建所用的库及其许可证：&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>Gain ≥ ½</source>
        <translation>增益 ≥ ½</translation>
    </message>
    <message>
        <source>Band width</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>阶数</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>手绘</translation>
    </message>
    <message>
        <source>pass / stop regions on top</source>
        <translation>叠加的通过 / 阻止区域</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Dataset folder: Fashion-MNIST / MNIST IDX files, CIFAR binary batches, or an image folder.</source>
        <translation>数据集文件夹：Fashion-MNIST / MNIST 的 IDX 文件、CIFAR 二进制批次文件或图像文件夹。</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>How to read the dataset folder; auto recognises IDX, CIFAR and image folders.</source>
        <translation>数据集文件夹的读取方式；auto 会自动识别 IDX、CIFAR 和图像文件夹。</translation>
    </message>
    <message>
        <source>Training subset</source>
        <translation>训练子集</translation>
    </message>
    <message>
        <source>images</source>
        <translation>张图像</translation>
    </message>
    <message>
        <source>Train on this many samples (a stratified draw); 0: all of them.</source>
        <translation>使用这么多样本训练（分层抽样）；0：全部样本。</translation>
    </message>
    <message>
        <source>Loader threads</source>
        <translation>加载线程</translation>
    </message>
    <message>
        <source>Loader threads that decode and augment batches ahead of the model.</source>
        <translation>提前为模型解码并增强批次的加载线程数。</translation>
    </message>
    <message>
        <source>Batches prepared ahead</source>
        <translation>预取批次</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>批</translation>
    </message>
    <message>
        <source>Batches prepared ahead of the training step.</source>
        <translation>在训练步骤之前预先准备的批次数。</translation>
    </message>
    <message>
        <source>Largest image</source>
        <translation>最大图像</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>Largest image (width × height) read from an image folder; a larger one is refused before decoding, then skipped and counted.</source>
        <translation>从图像文件夹读取的最大图像（宽 × 高）；更大的图像会在解码前被拒绝，随后跳过并计数。</translation>
    </message>
    <message>
        <source>auto (from the data)</source>
        <translation>自动（由数据决定）</translation>
    </message>
    <message>
        <source>Normalisation mean</source>
        <translation>归一化均值</translation>
    </message>
    <message>
        <source>Per-channel normalisation mean; empty: the loader&apos;s default for the channel count.</source>
        <translation>逐通道归一化均值；留空：按通道数使用加载器的默认值。</translation>
    </message>
    <message>
        <source>Normalisation standard deviation</source>
        <translation>归一化标准差</translation>
    </message>
    <message>
        <source>Per-channel normalisation standard deviation; empty: the default.</source>
        <translation>逐通道归一化标准差；留空：默认值。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Backbone: ViT presets (nano, tiny, small, base) or ResNet-18/50.</source>
        <translation>主干网络：ViT 预设（nano、tiny、small、base）或 ResNet-18/50。</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>Side of the square training views in pixels.</source>
        <translation>正方形训练视图的边长（像素）。</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>图块大小</translation>
    </message>
    <message>
        <source>ViT patch size; must divide the image size.</source>
        <translation>ViT 图块大小；必须能整除图像尺寸。</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>1 for grey data, 3 for colour.</source>
        <translation>灰度数据为 1，彩色数据为 3。</translation>
    </message>
    <message>
        <source>Prototypes</source>
        <translation>原型数</translation>
    </message>
    <message>
        <source>K, the number of prototypes of the projection head.</source>
        <translation>K，投影头的原型数量。</translation>
    </message>
    <message>
        <source>Head hidden width</source>
        <translation>投影头隐藏层宽度</translation>
    </message>
    <message>
        <source>Hidden width of the projection head&apos;s MLP.</source>
        <translation>投影头 MLP 的隐藏层宽度。</translation>
    </message>
    <message>
        <source>Head bottleneck width</source>
        <translation>投影头瓶颈宽度</translation>
    </message>
    <message>
        <source>Bottleneck width before the prototypes.</source>
        <translation>原型之前的瓶颈层宽度。</translation>
    </message>
    <message>
        <source>Small-image stem (ResNet)</source>
        <translation>小图像主干入口（ResNet）</translation>
    </message>
    <message>
        <source>ResNet only: a 3x3 stride-1 stem without max-pool, for small images.</source>
        <translation>仅限 ResNet：3×3、步长为 1 且无最大池化的输入层，适用于小图像。</translation>
    </message>
    <message>
        <source>ViT width</source>
        <translation>ViT 宽度</translation>
    </message>
    <message>
        <source>Overrides the preset&apos;s ViT width; 0 keeps the preset.</source>
        <translation>覆盖预设的 ViT 宽度；0 表示保持预设值。</translation>
    </message>
    <message>
        <source>ViT blocks</source>
        <translation>ViT 块数</translation>
    </message>
    <message>
        <source>Overrides the preset&apos;s number of blocks; 0 keeps the preset.</source>
        <translation>覆盖预设的块数；0 表示保持预设值。</translation>
    </message>
    <message>
        <source>ViT attention heads</source>
        <translation>ViT 注意力头数</translation>
    </message>
    <message>
        <source>Overrides the preset&apos;s attention heads; 0 keeps the preset.</source>
        <translation>覆盖预设的注意力头数；0 表示保持预设值。</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <source>folk: distillation from Com/RCom-filtered views plus MFM reconstruction; mfm, mfm-comrcom, folk-fixed and dino are the ablations.</source>
        <translation>folk：基于 Com/RCom 滤波视图的蒸馏加 MFM 重建；mfm、mfm-comrcom、folk-fixed 和 dino 为消融变体。</translation>
    </message>
    <message>
        <source>Student temperature</source>
        <translation>学生温度</translation>
    </message>
    <message>
        <source>Temperature of the student&apos;s softmax.</source>
        <translation>学生网络 softmax 的温度。</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>教师温度</translation>
    </message>
    <message>
        <source>Teacher softmax temperature after its warm-up.</source>
        <translation>预热结束后教师网络 softmax 的温度。</translation>
    </message>
    <message>
        <source>Initial teacher temperature</source>
        <translation>教师初始温度</translation>
    </message>
    <message>
        <source>Teacher temperature at the start of its linear warm-up.</source>
        <translation>线性预热开始时的教师温度。</translation>
    </message>
    <message>
        <source>Teacher temperature warm-up</source>
        <translation>教师温度预热</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Length of the teacher temperature warm-up in epochs.</source>
        <translation>教师温度预热的长度（轮次）。</translation>
    </message>
    <message>
        <source>Centre momentum</source>
        <translation>中心动量</translation>
    </message>
    <message>
        <source>Momentum of the centre subtracted from the teacher&apos;s logits.</source>
        <translation>从教师 logits 中减去的中心项的动量。</translation>
    </message>
    <message>
        <source>Reconstruction weight λ</source>
        <translation>重建权重 λ</translation>
    </message>
    <message>
        <source>Weight λ of the frequency reconstruction loss.</source>
        <translation>频率重建损失的权重 λ。</translation>
    </message>
    <message>
        <source>Teacher EMA momentum</source>
        <translation>教师 EMA 动量</translation>
    </message>
    <message>
        <source>EMA momentum of the teacher at the start (cosine towards momentum_end).</source>
        <translation>训练开始时教师的 EMA 动量（按余弦曲线趋向 momentum_end）。</translation>
    </message>
    <message>
        <source>Final teacher EMA momentum</source>
        <translation>教师最终 EMA 动量</translation>
    </message>
    <message>
        <source>EMA momentum of the teacher at the end of training.</source>
        <translation>训练结束时教师的 EMA 动量。</translation>
    </message>
    <message>
        <source>Mask ratios ρ</source>
        <translation>掩码比例 ρ</translation>
    </message>
    <message>
        <source>The set of ratios ρ a filtered view draws from, each in (0, 1].</source>
        <translation>滤波视图抽取比例 ρ 的集合，每个值都在 (0, 1] 之内。</translation>
    </message>
    <message>
        <source>Com probability</source>
        <translation>Com 概率</translation>
    </message>
    <message>
        <source>Probability that a view is filtered with Com (else RCom).</source>
        <translation>视图使用 Com 滤波的概率（否则使用 RCom）。</translation>
    </message>
    <message>
        <source>Low/high-pass radius</source>
        <translation>低通/高通半径</translation>
    </message>
    <message>
        <source>Radius of the low/high-pass ablation; ≤ 0: a default scaled to the image.</source>
        <translation>低通/高通消融实验的半径；≤ 0：按图像尺寸缩放的默认值。</translation>
    </message>
    <message>
        <source>Low-pass probability</source>
        <translation>低通概率</translation>
    </message>
    <message>
        <source>Probability of low-pass (else high-pass) in the low/high-pass ablation.</source>
        <translation>低通/高通消融实验中使用低通（否则高通）的概率。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Stop after this many steps; 0: epochs x batches per epoch.</source>
        <translation>训练这么多步后停止；0：轮次 × 每轮批次数。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Length of the schedules in epochs.</source>
        <translation>调度计划的长度（轮次）。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Images per step.</source>
        <translation>每步的图像数。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>per 256 images</source>
        <translation>每 256 张图像</translation>
    </message>
    <message>
        <source>Learning rate per 256 images: the peak lr is base_lr x batch / 256.</source>
        <translation>每 256 张图像的学习率：峰值学习率为 base_lr × 批大小 / 256。</translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>Learning rate at the end of the cosine decay.</source>
        <translation>余弦衰减结束时的学习率。</translation>
    </message>
    <message>
        <source>Learning-rate warm-up</source>
        <translation>学习率预热</translation>
    </message>
    <message>
        <source>Linear learning-rate warm-up in epochs.</source>
        <translation>学习率线性预热的长度（轮次）。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>AdamW weight decay at the start (cosine to weight_decay_end).</source>
        <translation>开始时的 AdamW 权重衰减（按余弦曲线变化到 weight_decay_end）。</translation>
    </message>
    <message>
        <source>Final weight decay</source>
        <translation>最终权重衰减</translation>
    </message>
    <message>
        <source>AdamW weight decay at the end.</source>
        <translation>结束时的 AdamW 权重衰减。</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Clip the global gradient norm to this; ≤ 0: no clipping.</source>
        <translation>将全局梯度范数裁剪到此值；≤ 0：不裁剪。</translation>
    </message>
    <message>
        <source>Frozen prototypes</source>
        <translation>冻结原型</translation>
    </message>
    <message>
        <source>The prototypes do not move during this many epochs.</source>
        <translation>在这么多轮次内原型保持不变。</translation>
    </message>
    <message>
        <source>Skipped bad steps</source>
        <translation>跳过的异常步数</translation>
    </message>
    <message>
        <source>Consecutive steps with a non-finite loss that are skipped before the run fails; 0: fail at the first.</source>
        <translation>在运行失败之前可跳过的连续损失非有限值的步数；0：第一次出现即失败。</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <source>Evaluate every this many steps during training; 0: only at the end.</source>
        <translation>训练期间每隔这么多步评估一次；0：仅在结束时评估。</translation>
    </message>
    <message>
        <source>Evaluate at the end</source>
        <translation>结束时评估</translation>
    </message>
    <message>
        <source>Evaluate when the run finishes.</source>
        <translation>运行结束时进行评估。</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>What represents an image: the CLS token (ResNet: pooled map), the mean of the patch tokens, or both concatenated.</source>
        <translation>图像的表示方式：CLS 标记（ResNet：池化后的特征图）、图块标记的均值，或二者拼接。</translation>
    </message>
    <message>
        <source>k-NN neighbours</source>
        <translation>k-NN 近邻数</translation>
    </message>
    <message>
        <source>Neighbours of the k-NN classifier.</source>
        <translation>k-NN 分类器的近邻数。</translation>
    </message>
    <message>
        <source>k-NN temperature</source>
        <translation>k-NN 温度</translation>
    </message>
    <message>
        <source>Temperature of the k-NN vote weights.</source>
        <translation>k-NN 投票权重的温度。</translation>
    </message>
    <message>
        <source>Labelled samples</source>
        <translation>带标签样本</translation>
    </message>
    <message>
        <source>Test samples</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>Few-shot label fractions</source>
        <translation>少样本标签比例</translation>
    </message>
    <message>
        <source>Fractions of the labels per class for the few-shot probes.</source>
        <translation>少样本探针每类使用的标签比例。</translation>
    </message>
    <message>
        <source>Random-init baseline</source>
        <translation>随机初始化基线</translation>
    </message>
    <message>
        <source>Also score a randomly initialised backbone of the same architecture.</source>
        <translation>同时评估一个相同架构、随机初始化的主干网络。</translation>
    </message>
    <message>
        <source>Feature batch size</source>
        <translation>特征批大小</translation>
    </message>
    <message>
        <source>Images per batch when extracting features.</source>
        <translation>提取特征时每批的图像数。</translation>
    </message>
    <message>
        <source>Smallest crop area</source>
        <translation>最小裁剪面积</translation>
    </message>
    <message>
        <source>of the image</source>
        <translation>（占图像）</translation>
    </message>
    <message>
        <source>Random resized crop: smallest fraction of the image area kept.</source>
        <translation>随机缩放裁剪：保留图像面积的最小比例。</translation>
    </message>
    <message>
        <source>Largest crop area</source>
        <translation>最大裁剪面积</translation>
    </message>
    <message>
        <source>Random resized crop: largest fraction of the image area kept.</source>
        <translation>随机缩放裁剪：保留图像面积的最大比例。</translation>
    </message>
    <message>
        <source>Smallest crop aspect ratio</source>
        <translation>最小裁剪宽高比</translation>
    </message>
    <message>
        <source>Random resized crop: smallest aspect ratio.</source>
        <translation>随机缩放裁剪：最小宽高比。</translation>
    </message>
    <message>
        <source>Largest crop aspect ratio</source>
        <translation>最大裁剪宽高比</translation>
    </message>
    <message>
        <source>Random resized crop: largest aspect ratio.</source>
        <translation>随机缩放裁剪：最大宽高比。</translation>
    </message>
    <message>
        <source>Flip probability</source>
        <translation>翻转概率</translation>
    </message>
    <message>
        <source>Probability of a horizontal flip.</source>
        <translation>水平翻转的概率。</translation>
    </message>
    <message>
        <source>Colour jitter probability</source>
        <translation>颜色抖动概率</translation>
    </message>
    <message>
        <source>Jitter brightness</source>
        <translation>抖动亮度</translation>
    </message>
    <message>
        <source>Colour jitter: largest relative change of brightness.</source>
        <translation>颜色抖动：亮度的最大相对变化。</translation>
    </message>
    <message>
        <source>Jitter contrast</source>
        <translation>抖动对比度</translation>
    </message>
    <message>
        <source>Colour jitter: largest relative change of contrast.</source>
        <translation>颜色抖动：对比度的最大相对变化。</translation>
    </message>
    <message>
        <source>Jitter saturation</source>
        <translation>抖动饱和度</translation>
    </message>
    <message>
        <source>Colour jitter: largest relative change of saturation.</source>
        <translation>颜色抖动：饱和度的最大相对变化。</translation>
    </message>
    <message>
        <source>Jitter hue</source>
        <translation>抖动色调</translation>
    </message>
    <message>
        <source>turns</source>
        <translation>圈</translation>
    </message>
    <message>
        <source>Colour jitter: largest shift of the hue (fraction of a full turn).</source>
        <translation>颜色抖动：色调的最大偏移（占整圈的比例）。</translation>
    </message>
    <message>
        <source>Greyscale probability</source>
        <translation>灰度化概率</translation>
    </message>
    <message>
        <source>Probability of turning a colour view grey.</source>
        <translation>将彩色视图转为灰度的概率。</translation>
    </message>
    <message>
        <source>Blur probability (view 1, view 2)</source>
        <translation>模糊概率（视图 1，视图 2）</translation>
    </message>
    <message>
        <source>Gaussian blur probability of the first and the second view.</source>
        <translation>第一个和第二个视图进行高斯模糊的概率。</translation>
    </message>
    <message>
        <source>Smallest blur sigma</source>
        <translation>最小模糊 σ</translation>
    </message>
    <message>
        <source>Smallest standard deviation of the Gaussian blur, in pixels.</source>
        <translation>高斯模糊的最小标准差（像素）。</translation>
    </message>
    <message>
        <source>Largest blur sigma</source>
        <translation>最大模糊 σ</translation>
    </message>
    <message>
        <source>Largest standard deviation of the Gaussian blur, in pixels.</source>
        <translation>高斯模糊的最大标准差（像素）。</translation>
    </message>
    <message>
        <source>Solarisation probability (view 1, view 2)</source>
        <translation>曝光反转概率（视图 1，视图 2）</translation>
    </message>
    <message>
        <source>Solarisation probability of the first and the second view.</source>
        <translation>第一个和第二个视图进行曝光反转的概率。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>auto picks CUDA when available, else the CPU; cuda:N picks a GPU.</source>
        <translation>auto：有 CUDA 时使用 CUDA，否则使用 CPU；cuda:N 指定某块 GPU。</translation>
    </message>
    <message>
        <source>Compute threads</source>
        <translation>计算线程</translation>
    </message>
    <message>
        <source>Compute threads; 0: the measured default (all cores).</source>
        <translation>计算线程数；0：实测默认值（全部核心）。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>float32, or bf16: the networks run in bfloat16 (autocast) while the masks and the frequency loss stay float32. For GPUs; slower on most CPUs.</source>
        <translation>float32 或 bf16：网络以 bfloat16 运行（autocast），而掩码和频率损失保持 float32。适用于 GPU；在大多数 CPU 上更慢。</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <source>Write a checkpoint every this many steps; 0: only on stop and at the end.</source>
        <translation>每隔这么多步写入一个检查点；0：仅在停止和结束时写入。</translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation>保留的检查点数</translation>
    </message>
    <message>
        <source>How many checkpoints to keep.</source>
        <translation>保留的检查点数量。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the initial weights, the data order and the augmentations.</source>
        <translation>初始权重、数据顺序和数据增强所用的随机种子。</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>运行名称</translation>
    </message>
    <message>
        <source>Name of the run; the run folder is &lt;UTC time&gt;-&lt;name&gt;.</source>
        <translation>运行的名称；运行文件夹名为 &lt;UTC 时间&gt;-&lt;名称&gt;。</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>记录间隔</translation>
    </message>
    <message>
        <source>Write a metrics row every this many steps.</source>
        <translation>每隔这么多步写入一行指标。</translation>
    </message>
    <message>
        <source>Show samples every</source>
        <translation>样例显示间隔</translation>
    </message>
    <message>
        <source>Save and show the probe image&apos;s views every this many steps; 0: never.</source>
        <translation>每隔这么多步保存并显示探针图像的视图；0：从不。</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Start the backbone from these weights (a .safetensors file written by folk export); empty: random.</source>
        <translation>用这些权重初始化主干网络（由 folk export 写出的 .safetensors 文件）；留空：随机初始化。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Masks (Com / RCom)</source>
        <translation>掩码（Com / RCom）</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Evaluation protocol</source>
        <translation>评估协议</translation>
    </message>
    <message>
        <source>fast: a sample of the labelled and scored images (the live curve); full: every training and scored image, the figures to compare. Evaluations during training are always fast.</source>
        <translation>fast：标注图像和评分图像的抽样（实时曲线）；full：全部训练图像和评分图像，用于比较的数字。训练期间的评估始终为 fast。</translation>
    </message>
    <message>
        <source>Scored split</source>
        <translation>评分划分</translation>
    </message>
    <message>
        <source>test: the dataset&apos;s test split; validation: a stratified part of the training data held out of training, to choose hyperparameters without the test split.</source>
        <translation>test：数据集的测试划分；validation：从训练数据中分层留出、不参与训练的一部分，用于在不看测试划分的情况下选择超参数。</translation>
    </message>
    <message>
        <source>Fast protocol: labelled samples the k-NN bank and the probes are fitted on; 0: all.</source>
        <translation>fast 协议：用于拟合 k-NN 库和探针的标注样本数；0：全部。</translation>
    </message>
    <message>
        <source>Fast protocol: samples scored; 0: all.</source>
        <translation>fast 协议：评分的样本数；0：全部。</translation>
    </message>
    <message>
        <source>Linear probe iterations</source>
        <translation>线性探针迭代次数</translation>
    </message>
    <message>
        <source>L-BFGS iterations of each linear-probe fit (full batch).</source>
        <translation>每次线性探针拟合的 L-BFGS 迭代次数（全批量）。</translation>
    </message>
    <message>
        <source>Linear probe step length</source>
        <translation>线性探针步长</translation>
    </message>
    <message>
        <source>First step length of the L-BFGS line search of the linear probe.</source>
        <translation>线性探针 L-BFGS 线搜索的初始步长。</translation>
    </message>
    <message>
        <source>Few-shot draws</source>
        <translation>少样本抽取次数</translation>
    </message>
    <message>
        <source>Random label draws per few-shot fraction; their mean and spread are reported.</source>
        <translation>每个少样本比例的随机标签抽取次数；报告其均值和离散度。</translation>
    </message>
    <message>
        <source>Raw-pixel baseline</source>
        <translation>原始像素基线</translation>
    </message>
    <message>
        <source>Also score the normalised pixels themselves with the same protocol.</source>
        <translation>同时用相同协议评估归一化后的像素本身。</translation>
    </message>
    <message>
        <source>Teacher centring</source>
        <translation>教师中心化</translation>
    </message>
    <message>
        <source>mean: subtract a running mean of the teacher&apos;s outputs (DINO); sinkhorn-knopp: spread each batch&apos;s teacher outputs evenly over the prototypes (DINOv2), which keeps the teacher from a uniform or one-prototype collapse.</source>
        <translation>mean：减去教师输出的滑动平均（DINO）；sinkhorn-knopp：将每个批次的教师输出均匀分配到各原型上（DINOv2），使教师不会陷入均匀坍缩或单原型坍缩。</translation>
    </message>
    <message>
        <source>Drop path rate</source>
        <translation>随机深度比率</translation>
    </message>
    <message>
        <source>ViT stochastic depth of the student: the last block skips a branch with this probability, earlier blocks less; 0: off.</source>
        <translation>学生 ViT 的随机深度：最后一个块以此概率跳过一个分支，之前的块概率更低；0：关闭。</translation>
    </message>
    <message>
        <source>Probability of a colour jitter (grey views: brightness and contrast, only with jitter.grey).</source>
        <translation>颜色抖动的概率（灰度视图：仅在 jitter.grey 开启时调整亮度和对比度）。</translation>
    </message>
    <message>
        <source>Jitter grey views</source>
        <translation>抖动灰度视图</translation>
    </message>
    <message>
        <source>Also jitter brightness and contrast of grey (1-channel) views.</source>
        <translation>对灰度（单通道）视图也随机调整亮度和对比度。</translation>
    </message>
    <message>
        <source>Erasing probability</source>
        <translation>擦除概率</translation>
    </message>
    <message>
        <source>Probability of erasing a random rectangle of a view (set to black).</source>
        <translation>擦除视图中一个随机矩形（置为黑色）的概率。</translation>
    </message>
    <message>
        <source>Smallest erased area</source>
        <translation>最小擦除面积</translation>
    </message>
    <message>
        <source>of the view</source>
        <translation>（占视图）</translation>
    </message>
    <message>
        <source>Smallest erased area as a fraction of the view.</source>
        <translation>被擦除区域占视图面积的最小比例。</translation>
    </message>
    <message>
        <source>Largest erased area</source>
        <translation>最大擦除面积</translation>
    </message>
    <message>
        <source>Largest erased area as a fraction of the view.</source>
        <translation>被擦除区域占视图面积的最大比例。</translation>
    </message>
    <message>
        <source>Noise probability</source>
        <translation>噪声概率</translation>
    </message>
    <message>
        <source>Probability of adding Gaussian noise to a view.</source>
        <translation>向视图添加高斯噪声的概率。</translation>
    </message>
    <message>
        <source>Largest noise standard deviation</source>
        <translation>最大噪声标准差</translation>
    </message>
    <message>
        <source>Largest standard deviation of the noise (images in [0, 1]).</source>
        <translation>噪声的最大标准差（图像取值范围 [0, 1]）。</translation>
    </message>
    <message>
        <source>Local crops</source>
        <translation>局部裁剪数</translation>
    </message>
    <message>
        <source>Local crops per image, seen only by the student and supervised by both teacher views; 0: two views only.</source>
        <translation>每张图像的局部裁剪数量，仅学生网络可见，由教师的两个视图监督；0：只用两个视图。</translation>
    </message>
    <message>
        <source>Local crop size</source>
        <translation>局部裁剪大小</translation>
    </message>
    <message>
        <source>Side of the local crops in pixels; a multiple of the ViT patch size.</source>
        <translation>局部裁剪的边长（像素）；须为 ViT 图块大小的整数倍。</translation>
    </message>
    <message>
        <source>Smallest local crop area</source>
        <translation>局部裁剪最小面积</translation>
    </message>
    <message>
        <source>Smallest fraction of the image area a local crop keeps.</source>
        <translation>局部裁剪保留的图像面积的最小比例。</translation>
    </message>
    <message>
        <source>Largest local crop area</source>
        <translation>局部裁剪最大面积</translation>
    </message>
    <message>
        <source>Largest fraction of the image area a local crop keeps.</source>
        <translation>局部裁剪保留的图像面积的最大比例。</translation>
    </message>
    <message>
        <source>Local crop blur probability</source>
        <translation>局部裁剪模糊概率</translation>
    </message>
    <message>
        <source>Gaussian blur probability of a local crop.</source>
        <translation>局部裁剪进行高斯模糊的概率。</translation>
    </message>
    <message>
        <source>Local crop solarisation probability</source>
        <translation>局部裁剪曝光反转概率</translation>
    </message>
    <message>
        <source>Solarisation probability of a local crop.</source>
        <translation>局部裁剪进行曝光反转的概率。</translation>
    </message>
    <message>
        <source>Evaluated backbone</source>
        <translation>评估的骨干网络</translation>
    </message>
    <message>
        <source>Whose features the evaluations score: the teacher (objectives without one: the student) or the student.</source>
        <translation>评估对谁的特征打分：教师网络（没有教师的目标：学生网络）或学生网络。</translation>
    </message>
</context>
<context>
    <name>SpectrumScale</name>
    <message>
        <source>log(1 + |F|)</source>
        <translation>log(1 + |F|)</translation>
    </message>
    <message>
        <source>√|F|</source>
        <translation>√|F|</translation>
    </message>
    <message>
        <source>decibels</source>
        <translation>分贝</translation>
    </message>
</context>
<context>
    <name>StepMetric</name>
    <message>
        <source>total loss</source>
        <translation>总损失</translation>
    </message>
    <message>
        <source>distillation</source>
        <translation>蒸馏</translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation>EMA 动量</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>教师温度</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>teacher entropy</source>
        <translation>教师熵</translation>
    </message>
    <message>
        <source>student-teacher KL</source>
        <translation>学生–教师 KL</translation>
    </message>
    <message>
        <source>centre norm</source>
        <translation>中心范数</translation>
    </message>
    <message>
        <source>prototypes used</source>
        <translation>已用原型数</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>elapsed time</source>
        <translation>已用时间</translation>
    </message>
</context>
<context>
    <name>folk::ui::BackgroundJobs</name>
    <message>
        <source>the background job failed without saying why</source>
        <translation>后台任务失败，未给出原因</translation>
    </message>
</context>
<context>
    <name>folk::ui::ColorMap</name>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
</context>
<context>
    <name>folk::ui::ConfigForm</name>
    <message>
        <source>Essentials</source>
        <translation>基本设置</translation>
    </message>
    <message>
        <source>All settings</source>
        <translation>全部设置</translation>
    </message>
    <message>
        <source>Show every other setting: data loading, model, objective, masks, optimisation, evaluation, augmentation, device, checkpoints and run</source>
        <translation>显示其余所有设置：数据加载、模型、目标、掩码、优化、评估、数据增强、设备、检查点和运行</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a list of numbers such as 0.01, 0.05</source>
        <translation>“%1”不是形如 0.01, 0.05 的数字列表</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>folk::ui::EmbeddingPlot</name>
    <message>
        <source>principal component 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <source>principal component 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <source>Embedding plot</source>
        <translation>嵌入图</translation>
    </message>
    <message>
        <source>Two principal components of the backbone&apos;s features, one colour per class</source>
        <translation>主干网络特征的两个主成分，每个类别一种颜色</translation>
    </message>
</context>
<context>
    <name>folk::ui::EngineController</name>
    <message>
        <source>A training session is already running; stop it first.</source>
        <translation>已有训练会话正在运行；请先停止它。</translation>
    </message>
</context>
<context>
    <name>folk::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Could not open an image:</source>
        <translation>无法打开一张图像：</translation>
    </message>
    <message numerus="yes">
        <source>Could not open %n images:</source>
        <translation>
            <numerusform>无法打开 %n 张图像：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier problem(s) not shown</source>
        <translation>
            <numerusform>… 另有 %n 个较早的问题未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss the errors</source>
        <translation>关闭错误信息</translation>
    </message>
</context>
<context>
    <name>folk::ui::ExploreControls</name>
    <message>
        <source>ρ: the fraction of coefficients Com keeps (top mode), or the fraction of the largest magnitude used as threshold (relative mode)</source>
        <translation>ρ：Com 保留的系数比例（“最强”模式），或用作阈值的最大幅值比例（相对模式）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source> bins</source>
        <translation> 频点</translation>
    </message>
    <message>
        <source>Top ⌈ρ·N⌉</source>
        <translation>最强 ⌈ρ·N⌉ 个</translation>
    </message>
    <message>
        <source>Relative ρ·max|F|</source>
        <translation>相对 ρ·max|F|</translation>
    </message>
    <message>
        <source>Compare Com and RCom</source>
        <translation>比较 Com 与 RCom</translation>
    </message>
    <message>
        <source>Show Com(ρ) and RCom(ρ) of the same image side by side</source>
        <translation>并排显示同一图像的 Com(ρ) 与 RCom(ρ)</translation>
    </message>
    <message>
        <source>Dim the removed coefficients on the spectrum</source>
        <translation>在频谱上调暗被移除的系数</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>ρ</source>
        <translation>ρ</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <source>Colour map</source>
        <translation>色图</translation>
    </message>
    <message>
        <source>auto (%L1)</source>
        <translation>自动（%L1）</translation>
    </message>
    <message>
        <source>keep the ⌈ρ·N⌉ strongest (ties kept)</source>
        <translation>保留最强的 ⌈ρ·N⌉ 个（并列者一并保留）</translation>
    </message>
    <message>
        <source>keep |F| ≥ ρ·max|F|</source>
        <translation>保留 |F| ≥ ρ·max|F|</translation>
    </message>
    <message>
        <source>Rho</source>
        <translation>Rho</translation>
    </message>
    <message>
        <source>Rho, logarithmic slider</source>
        <translation>Rho，对数滑块</translation>
    </message>
    <message>
        <source>The fraction of coefficients Com keeps</source>
        <translation>Com 保留的系数比例</translation>
    </message>
    <message>
        <source>Threshold mode</source>
        <translation>阈值模式</translation>
    </message>
    <message>
        <source>Colour map of the spectrum</source>
        <translation>频谱色图</translation>
    </message>
    <message>
        <source>How the spectrum&apos;s magnitudes become colours: log(1 + |F|) shows the whole range, √|F| the strong coefficients, decibels the level below the largest one</source>
        <translation>频谱幅值如何映射为颜色：log(1 + |F|) 显示整个范围，√|F| 突出强系数，分贝显示相对最大系数的电平</translation>
    </message>
    <message>
        <source>Spectrum scale</source>
        <translation>频谱刻度</translation>
    </message>
    <message>
        <source>Scale of the spectrum</source>
        <translation>频谱刻度</translation>
    </message>
    <message>
        <source>Hann window</source>
        <translation>汉宁窗</translation>
    </message>
    <message>
        <source>Show the spectrum of the image tapered to zero at its borders, without the cross its edges draw through the spectrum. For viewing only: the masks are computed on the image as it is</source>
        <translation>显示边缘渐变为零的图像的频谱，去除图像边缘在频谱中产生的十字。仅用于查看：掩码仍在原始图像上计算</translation>
    </message>
    <message>
        <source>Com keeps the coefficients with the largest |F(y)|; RCom removes exactly those.
Low/high-pass keep/remove a centred disc of the given radius.
Gaussian and Butterworth filters weight each coefficient by a smooth function of its distance D from the centre: low-pass and high-pass around the cut-off D₀ = the radius, band-pass and band-stop around a ring of that radius and the band width.</source>
        <translation>Com 保留 |F(y)| 最大的系数；RCom 恰好去除这些系数。
低通/高通保留/去除给定半径的中心圆盘。
高斯和巴特沃斯滤波器按系数到中心的距离 D 的平滑函数加权：低通和高通以截止频率 D₀ = 半径为界，带通和带阻以该半径的圆环和带宽为界。</translation>
    </message>
    <message>
        <source>In frequency bins: the disc&apos;s radius, the soft filters&apos; cut-off D₀, or the centre C₀ of a band; auto = 16·min(H,W)/224 (MFM&apos;s 16 at 224 px)</source>
        <translation>以频率格为单位：圆盘的半径、软滤波器的截止频率 D₀ 或频带的中心 C₀；自动 = 16·min(H,W)/224（MFM 在 224 像素时为 16）</translation>
    </message>
    <message>
        <source>Order n of the Butterworth filters, 1 / (1 + (D/D₀)^2n): higher is a sharper edge, closer to the disc</source>
        <translation>巴特沃斯滤波器的阶数 n，1 / (1 + (D/D₀)^2n)：越高边缘越陡，越接近圆盘</translation>
    </message>
    <message>
        <source>The band&apos;s width W in frequency bins for band-pass and band-stop; auto = half the radius</source>
        <translation>带通和带阻的频带宽度 W（频率格）；自动 = 半径的一半</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>阻止</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>Draw on the spectrum with the left button: Pass keeps the coefficients under the brush, Stop removes them, Erase gives them back to the filter. The conjugate partner of each coefficient follows, so the filtered image stays real. Off: the left button pans</source>
        <translation>用左键在频谱上绘制：通过保留画笔下的系数，阻止去除它们，擦除把它们交还给滤波器。每个系数的共轭伙伴随之变化，因此滤波后的图像保持为实数。关：左键用于平移</translation>
    </message>
    <message>
        <source>The brush&apos;s radius in frequency bins</source>
        <translation>画笔半径（频率格）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every drawn region</source>
        <translation>移除所有手绘区域</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Butterworth order</source>
        <translation>巴特沃斯阶数</translation>
    </message>
    <message>
        <source>Band width</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Brush radius</source>
        <translation>画笔半径</translation>
    </message>
    <message>
        <source>Clear the drawn regions</source>
        <translation>清除手绘区域</translation>
    </message>
    <message numerus="yes">
        <source>Remove every drawn region (%Ln coefficient(s) forced now)</source>
        <translation>
            <numerusform>移除所有手绘区域（当前固定了 %Ln 个系数）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is drawn</source>
        <translation>尚未绘制</translation>
    </message>
    <message>
        <source>n </source>
        <comment>the Butterworth order&apos;s symbol before its value</comment>
        <translation>n </translation>
    </message>
    <message>
        <source>W auto</source>
        <comment>the band width&apos;s symbol, then that it is chosen automatically</comment>
        <translation>W 自动</translation>
    </message>
    <message>
        <source>W </source>
        <comment>the band width&apos;s symbol before its value</comment>
        <translation>W </translation>
    </message>
    <message>
        <source>Mask overlay</source>
        <translation>掩码叠加</translation>
    </message>
</context>
<context>
    <name>folk::ui::ExplorePage</name>
    <message>
        <source>Point at the spectrum for frequency, angle and magnitude</source>
        <translation>将指针移到频谱上以查看频率、角度和幅值</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Export views…</source>
        <translation>导出视图…</translation>
    </message>
    <message>
        <source>Open image files (or drop files and folders on the window)</source>
        <translation>打开图像文件（或将文件和文件夹拖放到窗口中）</translation>
    </message>
    <message>
        <source>Write every view of the current image as a PNG into a folder</source>
        <translation>将当前图像的每个视图以 PNG 格式写入文件夹</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Spectrum cursor</source>
        <translation>频谱光标</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>滤波后</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>残差</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n image(s) were opened</source>
        <translation>
            <numerusform>只打开了前 %n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opening %n image(s)…</source>
        <translation>
            <numerusform>正在打开 %n 张图像…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample photo %1</source>
        <translation>示例照片 %1</translation>
    </message>
    <message>
        <source>Mask — %1 (white = kept)</source>
        <translation>掩码 — %1（白色 = 保留）</translation>
    </message>
    <message>
        <source>Filtered — %1</source>
        <translation>滤波后 — %1</translation>
    </message>
    <message>
        <source>Residual — %1 (removed + 0.5)</source>
        <translation>残差 — %1（被移除部分 + 0.5）</translation>
    </message>
    <message>
        <source>mask + filter %L1 ms</source>
        <translation>掩码 + 滤波 %L1 ms</translation>
    </message>
    <message>
        <source>decode + spectrum %L1 ms, </source>
        <translation>解码 + 频谱 %L1 ms，</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2×%3 %4&lt;br&gt;N = %5 coefficients&lt;br&gt;%6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2×%3 %4&lt;br&gt;N = %5 个系数&lt;br&gt;%6</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>There is no image to export</source>
        <translation>没有可导出的图像</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图像 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>打开图像文件夹</translation>
    </message>
    <message>
        <source>Open an image first: there is nothing to export</source>
        <translation>请先打开图像：没有可导出的内容</translation>
    </message>
    <message>
        <source>Export views as PNG into</source>
        <translation>将视图以 PNG 格式导出到</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n PNG file(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个 PNG 文件导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of opening images</source>
        <translation>打开图像的进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop opening images; those already in the strip stay (Esc)</source>
        <translation>停止打开图像；已在缩略图栏中的图像会保留（Esc）</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>已取消打开</translation>
    </message>
    <message numerus="yes">
        <source>Opening cancelled: %n image(s) not opened</source>
        <translation>
            <numerusform>已取消打开：%n 张图像未打开</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking for images: %n found</source>
        <translation>
            <numerusform>正在查找图像：已找到 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening images: %1 of %2</source>
        <translation>正在打开图像：第 %L1 张，共 %L2 张</translation>
    </message>
    <message>
        <source>Thumbnails of the opened images; the selected one is shown</source>
        <translation>已打开图像的缩略图；显示所选的图像</translation>
    </message>
    <message>
        <source>Exporting views…</source>
        <translation>正在导出视图…</translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after %n file(s)</source>
        <translation>
            <numerusform>导出已在 %n 个文件后取消</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>正在打开 %1 …</translation>
    </message>
    <message>
        <source>Spectrum · %1</source>
        <comment>the scale of its colours, e.g. decibels</comment>
        <translation>频谱 · %1</translation>
    </message>
    <message>
        <source>%1 · Hann window</source>
        <comment>a spectrum&apos;s title</comment>
        <translation>%1 · 汉宁窗</translation>
    </message>
    <message>
        <source>The drawn regions were for a %1×%2 spectrum; this image is %3×%4, so they are cleared</source>
        <translation>手绘区域对应 %1×%2 的频谱；此图像为 %3×%4，因此已清除</translation>
    </message>
    <message>
        <source>%1 + drawn</source>
        <comment>a filter&apos;s label with hand-drawn regions</comment>
        <translation>%1 + 手绘</translation>
    </message>
    <message>
        <source>Mask — %1 (white = kept, grey = gain)</source>
        <translation>掩码 — %1（白 = 保留，灰 = 增益）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Show what a trained run makes of the image: its reconstruction from the filtered image, the CLS attention, the patch features&apos; PCA or the error spectrum</source>
        <translation>显示训练好的运行如何看待该图像：从滤波图像的重建、CLS 注意力、图块特征的 PCA 或误差频谱</translation>
    </message>
    <message>
        <source>Choose run folder…</source>
        <translation>选择运行文件夹…</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>无运行</translation>
    </message>
    <message>
        <source>Show CLS attention (mean of heads)</source>
        <translation>显示 CLS 注意力（各头平均）</translation>
    </message>
    <message>
        <source>Show patch features (PCA as RGB)</source>
        <translation>显示图块特征（PCA 作为 RGB）</translation>
    </message>
    <message>
        <source>Show the reconstruction error&apos;s spectrum</source>
        <translation>显示重建误差的频谱</translation>
    </message>
    <message>
        <source>Show CLS attention of one head</source>
        <translation>显示单个头的 CLS 注意力</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>No run chosen</source>
        <translation>未选择运行</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Show what a trained run makes of the image</source>
        <translation>显示训练好的运行如何看待该图像</translation>
    </message>
    <message>
        <source>The run shown beside the filters: %1</source>
        <translation>在滤波器旁显示的运行：%1</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>选择一个运行文件夹</translation>
    </message>
    <message>
        <source>step %1</source>
        <comment>a run&apos;s checkpoint</comment>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <source>%1 has no reconstruction head</source>
        <translation>%1 没有重建头</translation>
    </message>
    <message>
        <source>Reconstruction · %1 · PSNR %L2 dB</source>
        <translation>重建 · %1 · PSNR %L2 dB</translation>
    </message>
    <message>
        <source>%1 is not a ViT: no attention</source>
        <translation>%1 不是 ViT：没有注意力</translation>
    </message>
    <message>
        <source>CLS attention · head %1 of %2 · %3</source>
        <translation>CLS 注意力 · 第 %1 个头（共 %2 个）· %3</translation>
    </message>
    <message numerus="yes">
        <source>CLS attention · mean of %n head(s) · %1</source>
        <translation>
            <numerusform>CLS 注意力 · %n 个头的平均 · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Patch PCA · %1 · %L2 / %L3 / %L4 %</source>
        <translation>图块 PCA · %1 · %L2 / %L3 / %L4 %</translation>
    </message>
    <message>
        <source>Reconstruction error · log(1 + |F|)</source>
        <translation>重建误差 · log(1 + |F|)</translation>
    </message>
</context>
<context>
    <name>folk::ui::ImageView</name>
    <message>
        <source>Image view: mouse wheel zooms, dragging pans, a double click fits the image</source>
        <translation>图像视图：滚轮缩放，拖动平移，双击使图像适应窗口</translation>
    </message>
</context>
<context>
    <name>folk::ui::Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies the next time FOLK Workbench starts.</source>
        <translation>新语言将在下次启动 FOLK Workbench 时生效。</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
</context>
<context>
    <name>folk::ui::LogSlider</name>
    <message>
        <source>Logarithmic scale: %L1 .. %L2</source>
        <translation>对数刻度：%L1 .. %L2</translation>
    </message>
</context>
<context>
    <name>folk::ui::MainWindow</name>
    <message>
        <source>FOLK Workbench</source>
        <translation>FOLK Workbench</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <source>%1 — FOLK Workbench</source>
        <translation>%1 — FOLK Workbench</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 workspace (Ctrl+%2)</source>
        <translation>%1 工作区（Ctrl+%2）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open &amp;sample photos</source>
        <translation>打开示例照片(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export views as PNG…</source>
        <translation>将视图导出为 PNG(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Compare Com and RCom</source>
        <translation>比较 Com 与 RCom(&amp;C)</translation>
    </message>
    <message>
        <source>Mask &amp;overlay on spectrum</source>
        <translation>在频谱上叠加掩码(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>下一张图像(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>上一张图像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About FOLK Workbench</source>
        <translation>关于 FOLK Workbench(&amp;A)</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it now (a checkpoint is written, and the run can be resumed later), or keep training in the background until it is done?</source>
        <translation>一次训练运行正在进行。现在停止（会写入检查点，之后可继续该运行），还是在后台继续训练直至完成？</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>停止并保存</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message>
        <source>Images and folders</source>
        <translation>图像和文件夹</translation>
    </message>
    <message>
        <source>No recent images</source>
        <translation>没有最近打开的图像</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>No recent runs</source>
        <translation>没有最近的运行</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>清除最近记录(&amp;C)</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 已不存在</translation>
    </message>
    <message>
        <source>%1 is not a run folder</source>
        <translation>%1 不是运行文件夹</translation>
    </message>
    <message>
        <source>Learning table written to %1</source>
        <translation>学习表已写入 %1</translation>
    </message>
    <message>
        <source>Settings saved to %1</source>
        <translation>设置已保存到 %1</translation>
    </message>
</context>
<context>
    <name>folk::ui::ProbeSamplesPanel</name>
    <message>
        <source>Step of the probe samples</source>
        <translation>探针样本的步数</translation>
    </message>
    <message>
        <source>The step whose saved probe samples are shown</source>
        <translation>显示其已保存探针样本的步数</translation>
    </message>
    <message>
        <source>select one run</source>
        <translation>选择一个运行</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Select one run to see its probe samples</source>
        <translation>选择一个运行以查看其探针样本</translation>
    </message>
    <message>
        <source>Reading the samples…</source>
        <translation>正在读取样本…</translation>
    </message>
    <message>
        <source>This run saved no probe samples</source>
        <translation>此运行没有保存探针样本</translation>
    </message>
    <message>
        <source>no samples saved</source>
        <translation>没有保存样本</translation>
    </message>
    <message>
        <source>Step %L1 (%2 of %3)</source>
        <translation>第 %L1 步（%3 中的第 %2 个）</translation>
    </message>
    <message>
        <source>none (no reconstruction head)</source>
        <translation>无（没有重建头）</translation>
    </message>
    <message>
        <source>not saved at this step</source>
        <translation>此步未保存</translation>
    </message>
</context>
<context>
    <name>folk::ui::RadialProfilePlot</name>
    <message>
        <source>mean power</source>
        <translation>平均功率</translation>
    </message>
    <message>
        <source>radius (frequency bins)</source>
        <translation>半径（频点）</translation>
    </message>
    <message>
        <source>mean |F|² per ring</source>
        <translation>每环平均 |F|²</translation>
    </message>
    <message>
        <source>Radial power profile</source>
        <translation>径向功率谱</translation>
    </message>
    <message>
        <source>Mean spectral power per frequency ring, with the mask&apos;s cut marked</source>
        <translation>每个频率环的平均谱功率，并标出掩码的截断位置</translation>
    </message>
    <message>
        <source>r = %L1</source>
        <translation>r = %L1</translation>
    </message>
    <message>
        <source>τ² = %L1</source>
        <translation>τ² = %L1</translation>
    </message>
</context>
<context>
    <name>folk::ui::ResultsPage</name>
    <message>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run folder(s) with their checkpoints? This cannot be undone.

%1</source>
        <translation>
            <numerusform>删除 %n 个运行文件夹及其检查点？此操作无法撤销。

%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs folder…</source>
        <translation>运行文件夹…</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <source>Filter runs (name, objective, model, status…)</source>
        <translation>筛选运行（名称、目标函数、模型、状态…）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the runs folder again (it is also watched every 2 s)</source>
        <translation>重新读取运行文件夹（它也会每 2 秒自动检查一次）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue the selected run from its last checkpoint in the Train workspace</source>
        <translation>在“训练”工作区中从最近的检查点继续所选运行</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>PCA of the selected run&apos;s teacher features on labelled test images, by class</source>
        <translation>所选运行的教师特征在带标签测试图像上的 PCA，按类别着色</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>The learning table of the selected runs (all when none is selected), as CSV or Markdown</source>
        <translation>所选运行（未选择时为全部运行）的学习结果表，导出为 CSV 或 Markdown</translation>
    </message>
    <message>
        <source>Export learning table</source>
        <translation>导出学习结果表</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md)</source>
        <translation>CSV (*.csv);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Select runs to compare their curves; double-click opens a run&apos;s folder</source>
        <translation>选择运行以比较其曲线；双击打开运行所在的文件夹</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG 图像 (*.png);;PDF (*.pdf);;CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>Select a run and press Embedding</source>
        <translation>选择一个运行并点击“嵌入”</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Runs in %1</source>
        <translation>%1 中的运行</translation>
    </message>
    <message>
        <source>%1 lr</source>
        <translation>%1 学习率</translation>
    </message>
    <message>
        <source>%1 k-NN</source>
        <translation>%1 k-NN</translation>
    </message>
    <message>
        <source>Computing the features of %1 …</source>
        <translation>正在计算 %1 的特征…</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>%1: %2 features at step %L3, PCA (%L4 % + %L5 % of the variance)</source>
        <translation>%1：第 %L3 步的%2特征，PCA（解释 %L4 % + %L5 % 的方差）</translation>
    </message>
    <message>
        <source>No embedding: %1</source>
        <translation>无嵌入：%1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a usable run name (empty, or contains a path separator)</source>
        <translation>“%1”不是可用的运行名称（为空或包含路径分隔符）</translation>
    </message>
    <message>
        <source>%1 is training; stop it before renaming</source>
        <translation>%1 正在训练；请先停止再重命名</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 已存在</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2</source>
        <translation>无法将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>%1 is training; stop it before deleting</source>
        <translation>%1 正在训练；请先停止再删除</translation>
    </message>
    <message>
        <source>%1 is not a run folder</source>
        <translation>%1 不是运行文件夹</translation>
    </message>
    <message>
        <source>Could not delete all of %1</source>
        <translation>无法完全删除 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Filter runs</source>
        <translation>筛选运行</translation>
    </message>
    <message>
        <source>Rename the selected run (F2)</source>
        <translation>重命名所选运行（F2）</translation>
    </message>
    <message>
        <source>Delete the selected runs (asks first; Del)</source>
        <translation>删除所选运行（会先确认；Del）</translation>
    </message>
    <message>
        <source>Progress of the embedding</source>
        <translation>嵌入计算进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing the embedding (Esc)</source>
        <translation>停止计算嵌入（Esc）</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Smoothing of the curves</source>
        <translation>曲线平滑</translation>
    </message>
    <message>
        <source>Embedding of %1:</source>
        <translation>%1 的嵌入：</translation>
    </message>
    <message>
        <source>Embedding of %1 cancelled</source>
        <translation>%1 的嵌入计算已取消</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the runs:</source>
        <translation>
            <numerusform>运行有 %n 个问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>Export weights…</source>
        <translation>导出权重…</translation>
    </message>
    <message>
        <source>The selected run&apos;s backbone (the teacher where there is one) from its latest checkpoint, as safetensors with timm / torchvision names, for PyTorch</source>
        <translation>所选运行最新检查点中的骨干网络（有教师网络时为教师），以 safetensors 格式并使用 timm / torchvision 名称导出，供 PyTorch 使用</translation>
    </message>
    <message>
        <source>Export backbone weights</source>
        <translation>导出骨干网络权重</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Could not export the weights of %1: %2</source>
        <translation>无法导出 %1 的权重：%2</translation>
    </message>
    <message>
        <source>Exported the %1 backbone of %2 at step %3 (%4 tensors) to %5</source>
        <translation>已将 %2 在第 %3 步的%1骨干网络（%4 个张量）导出到 %5</translation>
    </message>
    <message>
        <source>Select runs in the table to compare their curves</source>
        <translation>在表格中选择运行以比较其曲线</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <source>Group runs by</source>
        <translation>运行的分组依据</translation>
    </message>
    <message>
        <source>Study: the runs of each study folder by objective, with the study&apos;s baselines. A setting: every run by its value of that setting</source>
        <translation>研究：每个研究文件夹中的运行按目标函数分组，并附上该研究的基线。设置项：所有运行按其在该设置项上的取值分组</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <source>Run groups</source>
        <translation>运行分组</translation>
    </message>
    <message>
        <source>Select groups to compare their mean curves with the min–max band of their runs; expand a group to see and select its runs</source>
        <translation>选择分组以比较其平均曲线及其运行的最小–最大区间带；展开分组可查看并选择其中的运行</translation>
    </message>
    <message>
        <source>Runs and groups</source>
        <translation>运行与分组</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Metric of the first panel</source>
        <translation>第一个面板的指标</translation>
    </message>
    <message>
        <source>The logged step metric the first panel shows for every selected run and group</source>
        <translation>第一个面板为每个选中的运行和分组显示的逐步记录指标</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>The first panel&apos;s y axis in a logarithmic scale</source>
        <translation>第一个面板的 y 轴使用对数刻度</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a run&apos;s name, a metric&apos;s name</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2: mean, min–max of %n run(s)</source>
        <comment>a group&apos;s name, a metric&apos;s name</comment>
        <translation>
            <numerusform>%1 %2：%n 个运行的平均值与最小–最大区间</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Only the settings that differ</source>
        <translation>仅显示不同的设置</translation>
    </message>
    <message>
        <source>Show only the settings whose value is not the same in every selected run</source>
        <translation>仅显示在所选运行中取值不完全相同的设置</translation>
    </message>
    <message>
        <source>Settings of the selected runs</source>
        <translation>所选运行的设置</translation>
    </message>
    <message>
        <source>Select runs to compare their settings</source>
        <translation>选择运行以比较其设置</translation>
    </message>
    <message>
        <source>The settings of %1</source>
        <translation>%1 的设置</translation>
    </message>
    <message numerus="yes">
        <source>These %n runs have the same settings</source>
        <translation>
            <numerusform>这 %n 个运行的设置相同</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) differ between these %1 runs</source>
        <translation>
            <numerusform>这 %1 个运行之间有 %n 项设置不同</numerusform>
        </translation>
    </message>
    <message>
        <source>Curves, samples, embedding and settings of the selected runs</source>
        <translation>所选运行的曲线、样本、嵌入和设置</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Right-click to add columns for settings</source>
        <translation>右键单击以添加设置列</translation>
    </message>
    <message>
        <source>Columns for settings</source>
        <translation>设置列</translation>
    </message>
    <message>
        <source>Remove the setting columns</source>
        <translation>移除设置列</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>k-NN</source>
        <translation>k-NN</translation>
    </message>
</context>
<context>
    <name>folk::ui::RunGroupsModel</name>
    <message>
        <source>No finished run of this group has an evaluation yet</source>
        <translation>该分组中尚无已完成并经过评估的运行</translation>
    </message>
    <message numerus="yes">
        <source>Mean ± sample standard deviation of the per-seed differences, over %n seed(s)</source>
        <translation>
            <numerusform>按随机种子配对差值的平均值 ± 样本标准差，共 %n 个随机种子</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean ± sample standard deviation over %n seed(s), one measurement each</source>
        <translation>
            <numerusform>%n 个随机种子上的平均值 ± 样本标准差，每个种子测量一次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean ± sample standard deviation over %n finished run(s)</source>
        <translation>
            <numerusform>%n 个已完成运行上的平均值 ± 样本标准差</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; protocol: %2</source>
        <translation>%1；协议：%2</translation>
    </message>
    <message>
        <source>random-init baseline</source>
        <translation>随机初始化基线</translation>
    </message>
    <message>
        <source>raw-pixels baseline</source>
        <translation>原始像素基线</translation>
    </message>
    <message>
        <source>folk − mfm, paired per seed</source>
        <translation>folk − mfm，按随机种子配对</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 / %L2</translation>
    </message>
    <message numerus="yes">
        <source>Measured by %n run(s) of the study, counted once per seed</source>
        <translation>
            <numerusform>由该研究的 %n 个运行测得，每个随机种子计一次</numerusform>
        </translation>
    </message>
    <message>
        <source>Seeds whose folk and mfm runs both finished</source>
        <translation>folk 与 mfm 运行均已完成的随机种子</translation>
    </message>
    <message>
        <source>%L1 of the group&apos;s %L2 runs finished with an evaluation; the figures are over them</source>
        <translation>该分组的 %L2 个运行中有 %L1 个已完成评估；数值基于这些运行</translation>
    </message>
    <message>
        <source>Not finished: its evaluation is not in the group&apos;s figures</source>
        <translation>未完成：其评估不计入该分组的数值</translation>
    </message>
    <message>
        <source>k-NN %</source>
        <translation>k-NN %</translation>
    </message>
    <message>
        <source>Linear %</source>
        <translation>线性 %</translation>
    </message>
    <message>
        <source>Effective rank</source>
        <translation>有效秩</translation>
    </message>
    <message>
        <source>%1 % labels %</source>
        <translation>%1 % 标签 %</translation>
    </message>
    <message>
        <source>Mean ± sample standard deviation over the group&apos;s finished runs (a study&apos;s baselines: over its seeds); a member run&apos;s own figure</source>
        <translation>该分组已完成运行的平均值 ± 样本标准差（研究的基线：基于其随机种子）；分组中的单个运行显示其自身数值</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>folk::ui::RunsTableModel</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标函数</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>k-NN %</source>
        <translation>k-NN %</translation>
    </message>
    <message>
        <source>Best k-NN %</source>
        <translation>最佳 k-NN %</translation>
    </message>
    <message>
        <source>Linear %</source>
        <translation>线性 %</translation>
    </message>
    <message>
        <source>1 % labels %</source>
        <translation>1 % 标签 %</translation>
    </message>
    <message>
        <source>10 % labels %</source>
        <translation>10 % 标签 %</translation>
    </message>
    <message>
        <source>Random-init k-NN %</source>
        <translation>随机初始化 k-NN %</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 / %L2</translation>
    </message>
    <message>
        <source>Entropy of the teacher&apos;s outputs at the last logged step, as a percentage of ln K (uniform outputs); 97 % or more after the warm-up is a collapse</source>
        <translation>最后记录步骤中教师输出的熵，占 ln K（均匀输出）的百分比；预热之后达到 97 % 或以上即为坍缩</translation>
    </message>
    <message>
        <source>Prototypes that were the argmax of a teacher output in the %1 steps up to the last logged one</source>
        <translation>截至最后记录步骤的 %1 步内，曾作为某个教师输出 argmax 的原型</translation>
    </message>
    <message>
        <source>Teacher entropy % of ln K</source>
        <translation>教师熵占 ln K 的 %</translation>
    </message>
    <message>
        <source>Prototypes used</source>
        <translation>已用原型数</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <source>Step %L1, %2 protocol, %3 split: probes fitted on %L4 labelled images, scored on %L5</source>
        <translation>第 %L1 步，%2 协议，%3 划分：探针在 %L4 张带标签图像上拟合，在 %L5 张上评估</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>研究</translation>
    </message>
    <message>
        <source>config.json could not be read</source>
        <translation>无法读取 config.json</translation>
    </message>
</context>
<context>
    <name>folk::ui::SettingsComparisonModel</name>
    <message>
        <source>%1: config.json could not be read</source>
        <translation>%1：无法读取 config.json</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
</context>
<context>
    <name>folk::ui::SpectrumView</name>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>period %L1 px</source>
        <translation>周期 %L1 像素</translation>
    </message>
    <message>
        <source>DC (no period)</source>
        <translation>直流（无周期）</translation>
    </message>
    <message>
        <source>%L1 dB</source>
        <translation>%L1 分贝</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>零</translation>
    </message>
    <message>
        <source>fu %L1, fv %L2 cyc/px · |f| %L3 (r %L4 bins) · %5 · %L6° · |F| %L7 (%8)</source>
        <translation>fu %L1，fv %L2 周期/像素 · |f| %L3（r %L4 频点）· %5 · %L6° · |F| %L7（%8）</translation>
    </message>
    <message>
        <source>gain %L1</source>
        <translation>增益 %L1</translation>
    </message>
</context>
<context>
    <name>folk::ui::StepComparisonModel</name>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <comment>a group&apos;s mean (its runs&apos; smallest – largest value)</comment>
        <translation>%1（%2 – %3）</translation>
    </message>
    <message>
        <source>%1 (step %2)</source>
        <translation>%1（第 %2 步）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>At step %1</source>
        <translation>第 %1 步</translation>
    </message>
</context>
<context>
    <name>folk::ui::StepComparisonPanel</name>
    <message>
        <source>Compare at step</source>
        <translation>在某一步比较</translation>
    </message>
    <message>
        <source>Read every selected run and group at one step: the last value each logged at or before it. A click on the curves picks the step.</source>
        <translation>在同一步读取每个选中的运行和分组：各自在该步或之前记录的最后一个值。点击曲线即可选择该步。</translation>
    </message>
    <message>
        <source>Step to compare at</source>
        <translation>要比较的步</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text</source>
        <translation>将表格复制为制表符分隔的文本</translation>
    </message>
    <message>
        <source>The selected runs and groups at the compared step</source>
        <translation>选中的运行和分组在所比较的步上的值</translation>
    </message>
</context>
<context>
    <name>folk::ui::Theme</name>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
</context>
<context>
    <name>folk::ui::ThumbnailStrip</name>
    <message>
        <source>Drop image files or folders here</source>
        <translation>将图像文件或文件夹拖放到此处</translation>
    </message>
</context>
<context>
    <name>folk::ui::TrainPage</name>
    <message>
        <source>%1h%2m</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>A training session is already running; stop it first.</source>
        <translation>已有训练会话正在运行；请先停止它。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Fashion-MNIST (embedded default)</source>
        <translation>Fashion-MNIST（内置默认）</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class, or flat)</source>
        <translation>图像文件夹（每个类别一个子文件夹，或不分层）</translation>
    </message>
    <message>
        <source>IDX or CIFAR folder…</source>
        <translation>IDX 或 CIFAR 文件夹…</translation>
    </message>
    <message>
        <source>Folder with IDX or CIFAR binary files</source>
        <translation>包含 IDX 或 CIFAR 二进制文件的文件夹</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <source>Load a config JSON (e.g. a run&apos;s config.json)</source>
        <translation>加载 JSON 配置（例如某次运行的 config.json）</translation>
    </message>
    <message>
        <source>Load config</source>
        <translation>加载配置</translation>
    </message>
    <message>
        <source>Config (*.json)</source>
        <translation>配置 (*.json)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save these settings as a config JSON for `folk train --config`</source>
        <translation>将这些设置保存为 JSON 配置，供 `folk train --config` 使用</translation>
    </message>
    <message>
        <source>Save config</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Defaults for the chosen dataset</source>
        <translation>所选数据集的默认值</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start a new run with these settings (Ctrl+Enter)</source>
        <translation>使用这些设置开始新的运行（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause or resume at the next step boundary (Ctrl+P)</source>
        <translation>在下一个步骤边界处暂停或继续（Ctrl+P）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop at the next step boundary and write a checkpoint (Ctrl+.)</source>
        <translation>在下一个步骤边界处停止并写入检查点（Ctrl+.）</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <source>k-NN top-1</source>
        <translation>k-NN Top-1</translation>
    </message>
    <message>
        <source>k-NN top-1, random init</source>
        <translation>k-NN Top-1，随机初始化</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Weight of the past in the debiased moving average; the raw values stay drawn faintly</source>
        <translation>去偏滑动平均中历史值的权重；原始值仍以淡色绘制</translation>
    </message>
    <message>
        <source>Log loss axis</source>
        <translation>对数损失轴</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the curves as PNG or PDF, or their data as CSV</source>
        <translation>将曲线保存为 PNG 或 PDF，或将其数据保存为 CSV</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG 图像 (*.png);;PDF (*.pdf);;CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>appears during training</source>
        <translation>训练期间显示</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Starting %1 …</source>
        <translation>正在启动 %1…</translation>
    </message>
    <message>
        <source>Epoch %L1 · step %L2 / %L3 · %L4 images/s · elapsed %5 · ETA %6 · device %7</source>
        <translation>第 %L1 轮 · 第 %L2 / %L3 步 · %L4 图像/秒 · 已用 %5 · 剩余 %6 · 设备 %7</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行%1：%2</translation>
    </message>
    <message>
        <source>Paused at step %L1.</source>
        <translation>已在第 %L1 步暂停。</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <source>Smoothing of the curves</source>
        <translation>曲线平滑</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the training session:</source>
        <translation>
            <numerusform>训练会话有 %n 个问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>The self-distillation of this run has collapsed:</source>
        <translation>此运行的自蒸馏已坍缩：</translation>
    </message>
    <message>
        <source>ln K = %L1 (uniform teacher)</source>
        <translation>ln K = %L1（均匀教师）</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>训练方案</translation>
    </message>
    <message>
        <source>Apply a named recipe to these settings (as folk train --preset); the dataset stays</source>
        <translation>将命名的训练方案应用到这些设置（同 folk train --preset）；数据集保持不变</translation>
    </message>
    <message>
        <source>desk: the default, two views, minutes on a CPU</source>
        <translation>desk：默认方案，两个视图，在 CPU 上几分钟</translation>
    </message>
    <message>
        <source>paper: the FOLK paper&apos;s recipe, ViT-S/16 at 224 px, K 65536, multi-crop (for GPUs)</source>
        <translation>paper：FOLK 论文的方案，ViT-S/16，224 px，K 65536，多裁剪（适用于 GPU）</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>正在打开 %1 …</translation>
    </message>
    <message>
        <source>Creating a run folder in %1 …</source>
        <translation>正在 %1 中创建运行文件夹 …</translation>
    </message>
</context>
<context>
    <name>folk::ui::TrainingCurves</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation>EMA 动量</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>教师温度</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>Loss, schedule and accuracy curves over the training steps</source>
        <translation>随训练步数变化的损失、调度与准确率曲线</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: choose a .png or .pdf file name</source>
        <translation>%1：请选择 .png 或 .pdf 文件名</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>奈特</translation>
    </message>
    <message>
        <source>prototypes used</source>
        <translation>已用原型数</translation>
    </message>
    <message>
        <source>centre norm</source>
        <translation>中心范数</translation>
    </message>
    <message>
        <source>%1: choose a .png, .pdf or .csv file name</source>
        <translation>%1：请选择 .png、.pdf 或 .csv 文件名</translation>
    </message>
    <message>
        <source>Cannot draw the curves for %1</source>
        <translation>无法为 %1 绘制曲线</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FOLK Workbench: explore frequency masks (Com/RCom, low/high-pass) of images, train and compare frequency-guided self-supervised models.</source>
        <translation>FOLK Workbench：探索图像的频率掩码（Com/RCom、低通/高通），训练并比较频率引导的自监督模型。</translation>
    </message>
    <message>
        <source>[paths...]</source>
        <translation>[路径...]</translation>
    </message>
    <message>
        <source>Save a PNG of the window and exit.</source>
        <translation>将窗口保存为 PNG 后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Start in Com/RCom compare mode.</source>
        <translation>以 Com/RCom 比较模式启动。</translation>
    </message>
    <message>
        <source>Start with this rho.</source>
        <translation>以此 ρ 值启动。</translation>
    </message>
    <message>
        <source>Use this language (en, de, zh_CN or system) instead of the one chosen in View → Language.</source>
        <translation>使用此语言（en、de、zh_CN 或 system），而不是在“视图 → 语言”中选择的语言。</translation>
    </message>
    <message>
        <source>--rho must be a number in (0, 1], got &apos;%1&apos;</source>
        <translation>--rho 必须是 (0, 1] 内的数，实际为“%1”</translation>
    </message>
    <message>
        <source>Images or image folders to open in Explore (default: the sample photos), or a run folder or runs folder to open in Results.</source>
        <translation>在“探索”中打开的图像或图像文件夹（默认：示例照片），或在“结果”中打开的运行文件夹或包含多次运行的文件夹。</translation>
    </message>
</context>
</TS>
