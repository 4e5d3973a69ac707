<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FilterKind</name>
    <message>
        <source>Com — keep strongest</source>
        <translation>Com — stärkste behalten</translation>
    </message>
    <message>
        <source>Com ρ=%L1</source>
        <translation>Com ρ=%L1</translation>
    </message>
    <message>
        <source>RCom — remove strongest</source>
        <translation>RCom — stärkste entfernen</translation>
    </message>
    <message>
        <source>RCom ρ=%L1</source>
        <translation>RCom ρ=%L1</translation>
    </message>
    <message>
        <source>Low-pass disc</source>
        <translation>Tiefpass-Scheibe</translation>
    </message>
    <message>
        <source>Low-pass r=%L1</source>
        <translation>Tiefpass r=%L1</translation>
    </message>
    <message>
        <source>High-pass disc</source>
        <translation>Hochpass-Scheibe</translation>
    </message>
    <message>
        <source>High-pass r=%L1</source>
        <translation>Hochpass r=%L1</translation>
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
        <translation>Gauß-Tiefpass</translation>
    </message>
    <message>
        <source>Gaussian low-pass D₀=%L1</source>
        <translation>Gauß-Tiefpass D₀=%L1</translation>
    </message>
    <message>
        <source>Gaussian high-pass</source>
        <translation>Gauß-Hochpass</translation>
    </message>
    <message>
        <source>Gaussian high-pass D₀=%L1</source>
        <translation>Gauß-Hochpass D₀=%L1</translation>
    </message>
    <message>
        <source>Gaussian band-pass</source>
        <translation>Gauß-Bandpass</translation>
    </message>
    <message>
        <source>Gaussian band-pass C₀=%L1</source>
        <translation>Gauß-Bandpass C₀=%L1</translation>
    </message>
    <message>
        <source>Gaussian band-stop</source>
        <translation>Gauß-Bandsperre</translation>
    </message>
    <message>
        <source>Gaussian band-stop C₀=%L1</source>
        <translation>Gauß-Bandsperre C₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth low-pass</source>
        <translation>Butterworth-Tiefpass</translation>
    </message>
    <message>
        <source>Butterworth low-pass D₀=%L1</source>
        <translation>Butterworth-Tiefpass D₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth high-pass</source>
        <translation>Butterworth-Hochpass</translation>
    </message>
    <message>
        <source>Butterworth high-pass D₀=%L1</source>
        <translation>Butterworth-Hochpass D₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth band-pass</source>
        <translation>Butterworth-Bandpass</translation>
    </message>
    <message>
        <source>Butterworth band-pass C₀=%L1</source>
        <translation>Butterworth-Bandpass C₀=%L1</translation>
    </message>
    <message>
        <source>Butterworth band-stop</source>
        <translation>Butterworth-Bandsperre</translation>
    </message>
    <message>
        <source>Butterworth band-stop C₀=%L1</source>
        <translation>Butterworth-Bandsperre C₀=%L1</translation>
    </message>
</context>
<context>
    <name>ProbePicture</name>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <source>Filtered view</source>
        <translation>Gefilterte Ansicht</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>Rekonstruktion</translation>
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
        <translation>Qt %1 (erstellt mit %2)</translation>
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
        <translation>OpenCV %1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>FFTW %1</source>
        <translation>FFTW %1</translation>
    </message>
    <message>
        <source>About FOLK Workbench</source>
        <translation>Über FOLK Workbench</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>In the image views and plots: mouse wheel zooms, dragging pans, a double click fits.</source>
        <translation>In den Bildansichten und Diagrammen: Mausrad zoomt, Ziehen verschiebt, ein Doppelklick passt ein.</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>%1 (%L2 %)</source>
        <translation>%1 (%L2 %)</translation>
    </message>
    <message>
        <source>Retained energy</source>
        <translation>Erhaltene Energie</translation>
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
        <translation>∞ (identisch)</translation>
    </message>
    <message>
        <source>%L1 dB</source>
        <translation>%L1 dB</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <source>%L1 bins</source>
        <translation>%L1 Bins</translation>
    </message>
    <message>
        <source>Threshold τ</source>
        <translation>Schwelle τ</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1: Die Datei existiert nicht</translation>
    </message>
    <message>
        <source>%1: the folder contains no image files</source>
        <translation>%1: Der Ordner enthält keine Bilddateien</translation>
    </message>
    <message>
        <source>%1×%2 %3</source>
        <translation>%1×%2 %3</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>%1: nothing to export (the view is empty)</source>
        <translation>%1: Nichts zu exportieren (die Ansicht ist leer)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1: PNG encoding failed</source>
        <translation>%1: PNG-Kodierung fehlgeschlagen</translation>
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
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FOLK Workbench %1&lt;/h3&gt;&lt;p&gt;Frequency-guided masking (Com / RCom) for self-supervised learning: explore spectra and masks, train and compare runs.&lt;/p&gt;&lt;p&gt;Views: wheel to zoom, drag to pan, double-click to fit; zoom is shared by the image views and by the spectrum and mask.&lt;/p&gt;&lt;p&gt;FOLK Workbench is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY. The full text is in the file LICENSE of the sources and in /usr/share/common-licenses/GPL-3 on Debian.&lt;/p&gt;&lt;p&gt;Built with these libraries, under these licences:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;FOLK Workbench %1&lt;/h3&gt;&lt;p&gt;Frequenzgeführte Maskierung (Com / RCom) für selbstüberwachtes Lernen: Spektren und Masken erkunden, Modelle trainieren und Läufe vergleichen.&lt;/p&gt;&lt;p&gt;Ansichten: Mausrad zoomt, Ziehen verschiebt, Doppelklick passt ein; der Zoom ist den Bildansichten sowie Spektrum und Maske gemeinsam.&lt;/p&gt;&lt;p&gt;FOLK Workbench ist freie Software: Sie können sie unter den Bedingungen der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version (GPL-3.0-or-later), weitergeben und/oder verändern. Sie kommt OHNE JEGLICHE GEWÄHRLEISTUNG. Der vollständige Text steht in der Datei LICENSE der Quellen und unter Debian in /usr/share/common-licenses/GPL-3.&lt;/p&gt;&lt;p&gt;Erstellt mit diesen Bibliotheken, unter diesen Lizenzen:&lt;/p&gt;&lt;ul&gt;%2&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: Der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Gain ≥ ½</source>
        <translation>Verstärkung ≥ ½</translation>
    </message>
    <message>
        <source>Band width</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordnung</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Gezeichnet</translation>
    </message>
    <message>
        <source>pass / stop regions on top</source>
        <translation>Durchlass-/Sperrbereiche darüber</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Dataset folder: Fashion-MNIST / MNIST IDX files, CIFAR binary batches, or an image folder.</source>
        <translation>Datensatzordner: Fashion-MNIST-/MNIST-IDX-Dateien, CIFAR-Binärdateien oder ein Bildordner.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>How to read the dataset folder; auto recognises IDX, CIFAR and image folders.</source>
        <translation>Wie der Datensatzordner gelesen wird; „auto“ erkennt IDX, CIFAR und Bildordner.</translation>
    </message>
    <message>
        <source>Training subset</source>
        <translation>Trainingsauswahl</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Train on this many samples (a stratified draw); 0: all of them.</source>
        <translation>Mit so vielen Beispielen trainieren (geschichtete Stichprobe); 0: alle.</translation>
    </message>
    <message>
        <source>Loader threads</source>
        <translation>Lade-Threads</translation>
    </message>
    <message>
        <source>Loader threads that decode and augment batches ahead of the model.</source>
        <translation>Lade-Threads, die Batches vorab dekodieren und augmentieren.</translation>
    </message>
    <message>
        <source>Batches prepared ahead</source>
        <translation>Vorbereitete Batches</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Batches prepared ahead of the training step.</source>
        <translation>Vor dem Trainingsschritt vorbereitete Batches.</translation>
    </message>
    <message>
        <source>Largest image</source>
        <translation>Größtes Bild</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>Largest image (width × height) read from an image folder; a larger one is refused before decoding, then skipped and counted.</source>
        <translation>Größtes Bild (Breite × Höhe), das aus einem Bildordner gelesen wird; ein größeres wird vor dem Dekodieren abgelehnt, übersprungen und gezählt.</translation>
    </message>
    <message>
        <source>auto (from the data)</source>
        <translation>automatisch (aus den Daten)</translation>
    </message>
    <message>
        <source>Normalisation mean</source>
        <translation>Normierungsmittelwert</translation>
    </message>
    <message>
        <source>Per-channel normalisation mean; empty: the loader&apos;s default for the channel count.</source>
        <translation>Mittelwert der Normierung je Kanal; leer: Standard des Laders für die Kanalzahl.</translation>
    </message>
    <message>
        <source>Normalisation standard deviation</source>
        <translation>Normierungsstandardabweichung</translation>
    </message>
    <message>
        <source>Per-channel normalisation standard deviation; empty: the default.</source>
        <translation>Standardabweichung der Normierung je Kanal; leer: Standardwert.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Backbone: ViT presets (nano, tiny, small, base) or ResNet-18/50.</source>
        <translation>Backbone: ViT-Vorgaben (nano, tiny, small, base) oder ResNet-18/50.</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>Side of the square training views in pixels.</source>
        <translation>Seitenlänge der quadratischen Trainingsansichten in Pixeln.</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>Patchgröße</translation>
    </message>
    <message>
        <source>ViT patch size; must divide the image size.</source>
        <translation>ViT-Patchgröße; muss die Bildgröße teilen.</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>1 for grey data, 3 for colour.</source>
        <translation>1 für Graustufendaten, 3 für Farbe.</translation>
    </message>
    <message>
        <source>Prototypes</source>
        <translation>Prototypen</translation>
    </message>
    <message>
        <source>K, the number of prototypes of the projection head.</source>
        <translation>K, die Zahl der Prototypen des Projektionskopfs.</translation>
    </message>
    <message>
        <source>Head hidden width</source>
        <translation>Breite der Kopf-Zwischenschicht</translation>
    </message>
    <message>
        <source>Hidden width of the projection head&apos;s MLP.</source>
        <translation>Verborgene Breite des MLP im Projektionskopf.</translation>
    </message>
    <message>
        <source>Head bottleneck width</source>
        <translation>Engpassbreite des Kopfs</translation>
    </message>
    <message>
        <source>Bottleneck width before the prototypes.</source>
        <translation>Breite des Engpasses vor den Prototypen.</translation>
    </message>
    <message>
        <source>Small-image stem (ResNet)</source>
        <translation>Stamm für kleine Bilder (ResNet)</translation>
    </message>
    <message>
        <source>ResNet only: a 3x3 stride-1 stem without max-pool, for small images.</source>
        <translation>Nur ResNet: ein 3×3-Stamm mit Schrittweite 1 ohne Max-Pooling, für kleine Bilder.</translation>
    </message>
    <message>
        <source>ViT width</source>
        <translation>ViT-Breite</translation>
    </message>
    <message>
        <source>Overrides the preset&apos;s ViT width; 0 keeps the preset.</source>
        <translation>Überschreibt die ViT-Breite der Vorgabe; 0 behält die Vorgabe.</translation>
    </message>
    <message>
        <source>ViT blocks</source>
        <translation>ViT-Blöcke</translation>
    </message>
    <message>
        <source>Overrides the preset&apos;s number of blocks; 0 keeps the preset.</source>
        <translation>Überschreibt die Zahl der Blöcke der Vorgabe; 0 behält die Vorgabe.</translation>
    </message>
    <message>
        <source>ViT attention heads</source>
        <translation>ViT-Aufmerksamkeitsköpfe</translation>
    </message>
    <message>
        <source>Overrides the preset&apos;s attention heads; 0 keeps the preset.</source>
        <translation>Überschreibt die Attention-Köpfe der Vorgabe; 0 behält die Vorgabe.</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <source>folk: distillation from Com/RCom-filtered views plus MFM reconstruction; mfm, mfm-comrcom, folk-fixed and dino are the ablations.</source>
        <translation>folk: Destillation aus Com/RCom-gefilterten Ansichten plus MFM-Rekonstruktion; mfm, mfm-comrcom, folk-fixed und dino sind die Ablationen.</translation>
    </message>
    <message>
        <source>Student temperature</source>
        <translation>Schülertemperatur</translation>
    </message>
    <message>
        <source>Temperature of the student&apos;s softmax.</source>
        <translation>Temperatur des Softmax des Schülers.</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>Lehrertemperatur</translation>
    </message>
    <message>
        <source>Teacher softmax temperature after its warm-up.</source>
        <translation>Softmax-Temperatur des Lehrers nach der Aufwärmphase.</translation>
    </message>
    <message>
        <source>Initial teacher temperature</source>
        <translation>Anfängliche Lehrertemperatur</translation>
    </message>
    <message>
        <source>Teacher temperature at the start of its linear warm-up.</source>
        <translation>Temperatur des Lehrers zu Beginn der linearen Aufwärmphase.</translation>
    </message>
    <message>
        <source>Teacher temperature warm-up</source>
        <translation>Aufwärmen der Lehrertemperatur</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Length of the teacher temperature warm-up in epochs.</source>
        <translation>Dauer der Aufwärmphase der Lehrertemperatur in Epochen.</translation>
    </message>
    <message>
        <source>Centre momentum</source>
        <translation>Zentrumsmoment</translation>
    </message>
    <message>
        <source>Momentum of the centre subtracted from the teacher&apos;s logits.</source>
        <translation>Momentum des Zentrums, das von den Logits des Lehrers abgezogen wird.</translation>
    </message>
    <message>
        <source>Reconstruction weight λ</source>
        <translation>Rekonstruktionsgewicht λ</translation>
    </message>
    <message>
        <source>Weight λ of the frequency reconstruction loss.</source>
        <translation>Gewicht λ des Frequenz-Rekonstruktionsverlusts.</translation>
    </message>
    <message>
        <source>Teacher EMA momentum</source>
        <translation>EMA-Moment des Lehrers</translation>
    </message>
    <message>
        <source>EMA momentum of the teacher at the start (cosine towards momentum_end).</source>
        <translation>EMA-Momentum des Lehrers zu Beginn (Kosinusverlauf bis momentum_end).</translation>
    </message>
    <message>
        <source>Final teacher EMA momentum</source>
        <translation>Endgültiges EMA-Moment des Lehrers</translation>
    </message>
    <message>
        <source>EMA momentum of the teacher at the end of training.</source>
        <translation>EMA-Momentum des Lehrers am Ende des Trainings.</translation>
    </message>
    <message>
        <source>Mask ratios ρ</source>
        <translation>Maskenanteile ρ</translation>
    </message>
    <message>
        <source>The set of ratios ρ a filtered view draws from, each in (0, 1].</source>
        <translation>Die Menge der Anteile ρ, aus der eine gefilterte Ansicht zieht, jeder in (0, 1].</translation>
    </message>
    <message>
        <source>Com probability</source>
        <translation>Com-Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Probability that a view is filtered with Com (else RCom).</source>
        <translation>Wahrscheinlichkeit, dass eine Ansicht mit Com gefiltert wird (sonst RCom).</translation>
    </message>
    <message>
        <source>Low/high-pass radius</source>
        <translation>Tief-/Hochpassradius</translation>
    </message>
    <message>
        <source>Radius of the low/high-pass ablation; ≤ 0: a default scaled to the image.</source>
        <translation>Radius der Tief-/Hochpass-Ablation; ≤ 0: ein an das Bild angepasster Standardwert.</translation>
    </message>
    <message>
        <source>Low-pass probability</source>
        <translation>Tiefpasswahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Probability of low-pass (else high-pass) in the low/high-pass ablation.</source>
        <translation>Wahrscheinlichkeit für Tiefpass (sonst Hochpass) in der Tief-/Hochpass-Ablation.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Stop after this many steps; 0: epochs x batches per epoch.</source>
        <translation>Nach so vielen Schritten anhalten; 0: Epochen × Batches pro Epoche.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Length of the schedules in epochs.</source>
        <translation>Länge der Zeitpläne in Epochen.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Images per step.</source>
        <translation>Bilder pro Schritt.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>per 256 images</source>
        <translation>pro 256 Bilder</translation>
    </message>
    <message>
        <source>Learning rate per 256 images: the peak lr is base_lr x batch / 256.</source>
        <translation>Lernrate pro 256 Bilder: die Spitzen-Lernrate ist base_lr × Batch / 256.</translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation>Endgültige Lernrate</translation>
    </message>
    <message>
        <source>Learning rate at the end of the cosine decay.</source>
        <translation>Lernrate am Ende des Kosinusabfalls.</translation>
    </message>
    <message>
        <source>Learning-rate warm-up</source>
        <translation>Aufwärmen der Lernrate</translation>
    </message>
    <message>
        <source>Linear learning-rate warm-up in epochs.</source>
        <translation>Lineare Aufwärmphase der Lernrate in Epochen.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>AdamW weight decay at the start (cosine to weight_decay_end).</source>
        <translation>AdamW-Gewichtsabnahme zu Beginn (Kosinusverlauf bis weight_decay_end).</translation>
    </message>
    <message>
        <source>Final weight decay</source>
        <translation>Endgültige Gewichtsabnahme</translation>
    </message>
    <message>
        <source>AdamW weight decay at the end.</source>
        <translation>AdamW-Gewichtsabnahme am Ende.</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>Gradientenbegrenzung</translation>
    </message>
    <message>
        <source>Clip the global gradient norm to this; ≤ 0: no clipping.</source>
        <translation>Die globale Gradientennorm auf diesen Wert begrenzen; ≤ 0: keine Begrenzung.</translation>
    </message>
    <message>
        <source>Frozen prototypes</source>
        <translation>Eingefrorene Prototypen</translation>
    </message>
    <message>
        <source>The prototypes do not move during this many epochs.</source>
        <translation>Die Prototypen bleiben während so vieler Epochen fest.</translation>
    </message>
    <message>
        <source>Skipped bad steps</source>
        <translation>Übersprungene fehlerhafte Schritte</translation>
    </message>
    <message>
        <source>Consecutive steps with a non-finite loss that are skipped before the run fails; 0: fail at the first.</source>
        <translation>Aufeinanderfolgende Schritte mit nicht endlichem Verlust, die übersprungen werden, bevor der Lauf fehlschlägt; 0: beim ersten fehlschlagen.</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>Auswerten alle</translation>
    </message>
    <message>
        <source>Evaluate every this many steps during training; 0: only at the end.</source>
        <translation>Während des Trainings alle so viele Schritte auswerten; 0: nur am Ende.</translation>
    </message>
    <message>
        <source>Evaluate at the end</source>
        <translation>Am Ende auswerten</translation>
    </message>
    <message>
        <source>Evaluate when the run finishes.</source>
        <translation>Auswerten, wenn der Lauf endet.</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>What represents an image: the CLS token (ResNet: pooled map), the mean of the patch tokens, or both concatenated.</source>
        <translation>Was ein Bild repräsentiert: das CLS-Token (ResNet: gepoolte Merkmalskarte), der Mittelwert der Patch-Tokens oder beides verkettet.</translation>
    </message>
    <message>
        <source>k-NN neighbours</source>
        <translation>k-NN-Nachbarn</translation>
    </message>
    <message>
        <source>Neighbours of the k-NN classifier.</source>
        <translation>Nachbarn des k-NN-Klassifikators.</translation>
    </message>
    <message>
        <source>k-NN temperature</source>
        <translation>k-NN-Temperatur</translation>
    </message>
    <message>
        <source>Temperature of the k-NN vote weights.</source>
        <translation>Temperatur der Stimmgewichte des k-NN.</translation>
    </message>
    <message>
        <source>Labelled samples</source>
        <translation>Beschriftete Beispiele</translation>
    </message>
    <message>
        <source>Test samples</source>
        <translation>Testbeispiele</translation>
    </message>
    <message>
        <source>Few-shot label fractions</source>
        <translation>Label-Anteile für Few-Shot</translation>
    </message>
    <message>
        <source>Fractions of the labels per class for the few-shot probes.</source>
        <translation>Anteile der Labels pro Klasse für die Few-Shot-Klassifikatoren.</translation>
    </message>
    <message>
        <source>Random-init baseline</source>
        <translation>Zufallsinitialisierte Basislinie</translation>
    </message>
    <message>
        <source>Also score a randomly initialised backbone of the same architecture.</source>
        <translation>Auch ein zufällig initialisiertes Backbone derselben Architektur bewerten.</translation>
    </message>
    <message>
        <source>Feature batch size</source>
        <translation>Batchgröße der Merkmale</translation>
    </message>
    <message>
        <source>Images per batch when extracting features.</source>
        <translation>Bilder pro Batch beim Extrahieren der Merkmale.</translation>
    </message>
    <message>
        <source>Smallest crop area</source>
        <translation>Kleinste Ausschnittsfläche</translation>
    </message>
    <message>
        <source>of the image</source>
        <translation>des Bildes</translation>
    </message>
    <message>
        <source>Random resized crop: smallest fraction of the image area kept.</source>
        <translation>Zufälliger skalierter Ausschnitt: kleinster behaltener Anteil der Bildfläche.</translation>
    </message>
    <message>
        <source>Largest crop area</source>
        <translation>Größte Ausschnittsfläche</translation>
    </message>
    <message>
        <source>Random resized crop: largest fraction of the image area kept.</source>
        <translation>Zufälliger skalierter Ausschnitt: größter behaltener Anteil der Bildfläche.</translation>
    </message>
    <message>
        <source>Smallest crop aspect ratio</source>
        <translation>Kleinstes Seitenverhältnis des Ausschnitts</translation>
    </message>
    <message>
        <source>Random resized crop: smallest aspect ratio.</source>
        <translation>Zufälliger skalierter Ausschnitt: kleinstes Seitenverhältnis.</translation>
    </message>
    <message>
        <source>Largest crop aspect ratio</source>
        <translation>Größtes Seitenverhältnis des Ausschnitts</translation>
    </message>
    <message>
        <source>Random resized crop: largest aspect ratio.</source>
        <translation>Zufälliger skalierter Ausschnitt: größtes Seitenverhältnis.</translation>
    </message>
    <message>
        <source>Flip probability</source>
        <translation>Spiegelungswahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Probability of a horizontal flip.</source>
        <translation>Wahrscheinlichkeit einer horizontalen Spiegelung.</translation>
    </message>
    <message>
        <source>Colour jitter probability</source>
        <translation>Wahrscheinlichkeit der Farbvariation</translation>
    </message>
    <message>
        <source>Jitter brightness</source>
        <translation>Farbvariation: Helligkeit</translation>
    </message>
    <message>
        <source>Colour jitter: largest relative change of brightness.</source>
        <translation>Farb-Jitter: größte relative Änderung der Helligkeit.</translation>
    </message>
    <message>
        <source>Jitter contrast</source>
        <translation>Farbvariation: Kontrast</translation>
    </message>
    <message>
        <source>Colour jitter: largest relative change of contrast.</source>
        <translation>Farb-Jitter: größte relative Änderung des Kontrasts.</translation>
    </message>
    <message>
        <source>Jitter saturation</source>
        <translation>Farbvariation: Sättigung</translation>
    </message>
    <message>
        <source>Colour jitter: largest relative change of saturation.</source>
        <translation>Farb-Jitter: größte relative Änderung der Sättigung.</translation>
    </message>
    <message>
        <source>Jitter hue</source>
        <translation>Farbvariation: Farbton</translation>
    </message>
    <message>
        <source>turns</source>
        <translation>Umdrehungen</translation>
    </message>
    <message>
        <source>Colour jitter: largest shift of the hue (fraction of a full turn).</source>
        <translation>Farb-Jitter: größte Verschiebung des Farbtons (Anteil einer vollen Drehung).</translation>
    </message>
    <message>
        <source>Greyscale probability</source>
        <translation>Graustufenwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Probability of turning a colour view grey.</source>
        <translation>Wahrscheinlichkeit, eine farbige Ansicht in Graustufen umzuwandeln.</translation>
    </message>
    <message>
        <source>Blur probability (view 1, view 2)</source>
        <translation>Weichzeichnungswahrscheinlichkeit (Ansicht 1, Ansicht 2)</translation>
    </message>
    <message>
        <source>Gaussian blur probability of the first and the second view.</source>
        <translation>Wahrscheinlichkeit der Gauß-Unschärfe für die erste und die zweite Ansicht.</translation>
    </message>
    <message>
        <source>Smallest blur sigma</source>
        <translation>Kleinstes Sigma der Weichzeichnung</translation>
    </message>
    <message>
        <source>Smallest standard deviation of the Gaussian blur, in pixels.</source>
        <translation>Kleinste Standardabweichung der Gauß-Unschärfe in Pixeln.</translation>
    </message>
    <message>
        <source>Largest blur sigma</source>
        <translation>Größtes Sigma der Weichzeichnung</translation>
    </message>
    <message>
        <source>Largest standard deviation of the Gaussian blur, in pixels.</source>
        <translation>Größte Standardabweichung der Gauß-Unschärfe in Pixeln.</translation>
    </message>
    <message>
        <source>Solarisation probability (view 1, view 2)</source>
        <translation>Solarisationswahrscheinlichkeit (Ansicht 1, Ansicht 2)</translation>
    </message>
    <message>
        <source>Solarisation probability of the first and the second view.</source>
        <translation>Wahrscheinlichkeit der Solarisation für die erste und die zweite Ansicht.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>auto picks CUDA when available, else the CPU; cuda:N picks a GPU.</source>
        <translation>„auto“ wählt CUDA, wenn verfügbar, sonst die CPU; cuda:N wählt eine GPU.</translation>
    </message>
    <message>
        <source>Compute threads</source>
        <translation>Rechen-Threads</translation>
    </message>
    <message>
        <source>Compute threads; 0: the measured default (all cores).</source>
        <translation>Rechen-Threads; 0: der gemessene Standard (alle Kerne).</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>float32, or bf16: the networks run in bfloat16 (autocast) while the masks and the frequency loss stay float32. For GPUs; slower on most CPUs.</source>
        <translation>float32 oder bf16: Die Netze rechnen in bfloat16 (Autocast), während Masken und Frequenzverlust in float32 bleiben. Für GPUs; auf den meisten CPUs langsamer.</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <source>Write a checkpoint every this many steps; 0: only on stop and at the end.</source>
        <translation>Alle so viele Schritte einen Sicherungspunkt schreiben; 0: nur beim Stoppen und am Ende.</translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation>Aufbewahrte Checkpoints</translation>
    </message>
    <message>
        <source>How many checkpoints to keep.</source>
        <translation>Wie viele Sicherungspunkte behalten werden.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Seed of the initial weights, the data order and the augmentations.</source>
        <translation>Startwert (Seed) für die Anfangsgewichte, die Datenreihenfolge und die Augmentierungen.</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Name des Laufs</translation>
    </message>
    <message>
        <source>Name of the run; the run folder is &lt;UTC time&gt;-&lt;name&gt;.</source>
        <translation>Name des Laufs; der Ordner des Laufs heißt &lt;UTC-Zeit&gt;-&lt;Name&gt;.</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>Protokollieren alle</translation>
    </message>
    <message>
        <source>Write a metrics row every this many steps.</source>
        <translation>Alle so viele Schritte eine Zeile Metriken schreiben.</translation>
    </message>
    <message>
        <source>Show samples every</source>
        <translation>Beispiele zeigen alle</translation>
    </message>
    <message>
        <source>Save and show the probe image&apos;s views every this many steps; 0: never.</source>
        <translation>Alle so viele Schritte die Ansichten des Probebilds speichern und zeigen; 0: nie.</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>Anfangsgewichte</translation>
    </message>
    <message>
        <source>Start the backbone from these weights (a .safetensors file written by folk export); empty: random.</source>
        <translation>Das Backbone mit diesen Gewichten beginnen (eine .safetensors-Datei aus „folk export“); leer: zufällig.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Masks (Com / RCom)</source>
        <translation>Masken (Com / RCom)</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Sicherungspunkte</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Evaluation protocol</source>
        <translation>Auswertungsprotokoll</translation>
    </message>
    <message>
        <source>fast: a sample of the labelled and scored images (the live curve); full: every training and scored image, the figures to compare. Evaluations during training are always fast.</source>
        <translation>fast: eine Stichprobe der gelabelten und bewerteten Bilder (die Live-Kurve); full: alle Trainings- und bewerteten Bilder, die vergleichbaren Zahlen. Auswertungen während des Trainings sind immer fast.</translation>
    </message>
    <message>
        <source>Scored split</source>
        <translation>Bewerteter Split</translation>
    </message>
    <message>
        <source>test: the dataset&apos;s test split; validation: a stratified part of the training data held out of training, to choose hyperparameters without the test split.</source>
        <translation>test: der Test-Split des Datensatzes; validation: ein stratifizierter Teil der Trainingsdaten, der nicht trainiert wird, um Hyperparameter ohne den Test-Split zu wählen.</translation>
    </message>
    <message>
        <source>Fast protocol: labelled samples the k-NN bank and the probes are fitted on; 0: all.</source>
        <translation>Protokoll fast: gelabelte Bilder, auf die k-NN-Bank und Probes angepasst werden; 0: alle.</translation>
    </message>
    <message>
        <source>Fast protocol: samples scored; 0: all.</source>
        <translation>Protokoll fast: bewertete Bilder; 0: alle.</translation>
    </message>
    <message>
        <source>Linear probe iterations</source>
        <translation>Iterationen der linearen Probe</translation>
    </message>
    <message>
        <source>L-BFGS iterations of each linear-probe fit (full batch).</source>
        <translation>L-BFGS-Iterationen jeder Anpassung der linearen Probe (voller Batch).</translation>
    </message>
    <message>
        <source>Linear probe step length</source>
        <translation>Schrittweite der linearen Probe</translation>
    </message>
    <message>
        <source>First step length of the L-BFGS line search of the linear probe.</source>
        <translation>Erste Schrittweite der L-BFGS-Liniensuche der linearen Probe.</translation>
    </message>
    <message>
        <source>Few-shot draws</source>
        <translation>Few-Shot-Ziehungen</translation>
    </message>
    <message>
        <source>Random label draws per few-shot fraction; their mean and spread are reported.</source>
        <translation>Zufällige Label-Ziehungen je Few-Shot-Anteil; Mittelwert und Streuung werden berichtet.</translation>
    </message>
    <message>
        <source>Raw-pixel baseline</source>
        <translation>Rohpixel-Vergleich</translation>
    </message>
    <message>
        <source>Also score the normalised pixels themselves with the same protocol.</source>
        <translation>Auch die normalisierten Pixel selbst mit demselben Protokoll bewerten.</translation>
    </message>
    <message>
        <source>Teacher centring</source>
        <translation>Zentrierung des Lehrers</translation>
    </message>
    <message>
        <source>mean: subtract a running mean of the teacher&apos;s outputs (DINO); sinkhorn-knopp: spread each batch&apos;s teacher outputs evenly over the prototypes (DINOv2), which keeps the teacher from a uniform or one-prototype collapse.</source>
        <translation>mean: einen gleitenden Mittelwert der Ausgaben des Lehrers abziehen (DINO); sinkhorn-knopp: die Ausgaben des Lehrers in jedem Batch gleichmäßig auf die Prototypen verteilen (DINOv2), was den Lehrer vor einem gleichförmigen oder Ein-Prototyp-Kollaps bewahrt.</translation>
    </message>
    <message>
        <source>Drop path rate</source>
        <translation>Rate der stochastischen Tiefe</translation>
    </message>
    <message>
        <source>ViT stochastic depth of the student: the last block skips a branch with this probability, earlier blocks less; 0: off.</source>
        <translation>Stochastische Tiefe des Schüler-ViT: der letzte Block überspringt einen Zweig mit dieser Wahrscheinlichkeit, frühere Blöcke seltener; 0: aus.</translation>
    </message>
    <message>
        <source>Probability of a colour jitter (grey views: brightness and contrast, only with jitter.grey).</source>
        <translation>Wahrscheinlichkeit eines Farb-Jitters (graue Ansichten: Helligkeit und Kontrast, nur mit jitter.grey).</translation>
    </message>
    <message>
        <source>Jitter grey views</source>
        <translation>Farbvariation grauer Ansichten</translation>
    </message>
    <message>
        <source>Also jitter brightness and contrast of grey (1-channel) views.</source>
        <translation>Helligkeit und Kontrast auch bei grauen (einkanaligen) Ansichten zufällig verändern.</translation>
    </message>
    <message>
        <source>Erasing probability</source>
        <translation>Löschwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Probability of erasing a random rectangle of a view (set to black).</source>
        <translation>Wahrscheinlichkeit, ein zufälliges Rechteck einer Ansicht zu löschen (auf Schwarz gesetzt).</translation>
    </message>
    <message>
        <source>Smallest erased area</source>
        <translation>Kleinste gelöschte Fläche</translation>
    </message>
    <message>
        <source>of the view</source>
        <translation>der Ansicht</translation>
    </message>
    <message>
        <source>Smallest erased area as a fraction of the view.</source>
        <translation>Kleinste gelöschte Fläche als Anteil der Ansicht.</translation>
    </message>
    <message>
        <source>Largest erased area</source>
        <translation>Größte gelöschte Fläche</translation>
    </message>
    <message>
        <source>Largest erased area as a fraction of the view.</source>
        <translation>Größte gelöschte Fläche als Anteil der Ansicht.</translation>
    </message>
    <message>
        <source>Noise probability</source>
        <translation>Rauschwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Probability of adding Gaussian noise to a view.</source>
        <translation>Wahrscheinlichkeit, einer Ansicht Gaußsches Rauschen hinzuzufügen.</translation>
    </message>
    <message>
        <source>Largest noise standard deviation</source>
        <translation>Größte Standardabweichung des Rauschens</translation>
    </message>
    <message>
        <source>Largest standard deviation of the noise (images in [0, 1]).</source>
        <translation>Größte Standardabweichung des Rauschens (Bilder in [0, 1]).</translation>
    </message>
    <message>
        <source>Local crops</source>
        <translation>Lokale Ausschnitte</translation>
    </message>
    <message>
        <source>Local crops per image, seen only by the student and supervised by both teacher views; 0: two views only.</source>
        <translation>Lokale Ausschnitte je Bild, nur für den Schüler, von beiden Lehreransichten überwacht; 0: nur zwei Ansichten.</translation>
    </message>
    <message>
        <source>Local crop size</source>
        <translation>Größe der lokalen Ausschnitte</translation>
    </message>
    <message>
        <source>Side of the local crops in pixels; a multiple of the ViT patch size.</source>
        <translation>Seitenlänge der lokalen Ausschnitte in Pixeln; ein Vielfaches der ViT-Patchgröße.</translation>
    </message>
    <message>
        <source>Smallest local crop area</source>
        <translation>Kleinste Fläche eines lokalen Ausschnitts</translation>
    </message>
    <message>
        <source>Smallest fraction of the image area a local crop keeps.</source>
        <translation>Kleinster Anteil der Bildfläche, den ein lokaler Ausschnitt behält.</translation>
    </message>
    <message>
        <source>Largest local crop area</source>
        <translation>Größte Fläche eines lokalen Ausschnitts</translation>
    </message>
    <message>
        <source>Largest fraction of the image area a local crop keeps.</source>
        <translation>Größter Anteil der Bildfläche, den ein lokaler Ausschnitt behält.</translation>
    </message>
    <message>
        <source>Local crop blur probability</source>
        <translation>Weichzeichnungswahrscheinlichkeit lokaler Ausschnitte</translation>
    </message>
    <message>
        <source>Gaussian blur probability of a local crop.</source>
        <translation>Wahrscheinlichkeit der Gauß-Unschärfe für einen lokalen Ausschnitt.</translation>
    </message>
    <message>
        <source>Local crop solarisation probability</source>
        <translation>Solarisationswahrscheinlichkeit lokaler Ausschnitte</translation>
    </message>
    <message>
        <source>Solarisation probability of a local crop.</source>
        <translation>Wahrscheinlichkeit der Solarisation für einen lokalen Ausschnitt.</translation>
    </message>
    <message>
        <source>Evaluated backbone</source>
        <translation>Bewertetes Backbone</translation>
    </message>
    <message>
        <source>Whose features the evaluations score: the teacher (objectives without one: the student) or the student.</source>
        <translation>Wessen Merkmale die Auswertungen bewerten: die des Lehrers (bei Zielen ohne Lehrer: des Schülers) oder die des Schülers.</translation>
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
        <translation>Dezibel</translation>
    </message>
</context>
<context>
    <name>StepMetric</name>
    <message>
        <source>total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
    <message>
        <source>distillation</source>
        <translation>Destillation</translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation>EMA-Momentum</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>Lehrertemperatur</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>teacher entropy</source>
        <translation>Lehrer-Entropie</translation>
    </message>
    <message>
        <source>student-teacher KL</source>
        <translation>KL Schüler–Lehrer</translation>
    </message>
    <message>
        <source>centre norm</source>
        <translation>Norm des Zentrums</translation>
    </message>
    <message>
        <source>prototypes used</source>
        <translation>genutzte Prototypen</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>elapsed time</source>
        <translation>verstrichene Zeit</translation>
    </message>
</context>
<context>
    <name>folk::ui::BackgroundJobs</name>
    <message>
        <source>the background job failed without saying why</source>
        <translation>die Hintergrundaufgabe ist ohne Begründung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>folk::ui::ColorMap</name>
    <message>
        <source>grey</source>
        <translation>Graustufen</translation>
    </message>
</context>
<context>
    <name>folk::ui::ConfigForm</name>
    <message>
        <source>Essentials</source>
        <translation>Das Wichtigste</translation>
    </message>
    <message>
        <source>All settings</source>
        <translation>Alle Einstellungen</translation>
    </message>
    <message>
        <source>Show every other setting: data loading, model, objective, masks, optimisation, evaluation, augmentation, device, checkpoints and run</source>
        <translation>Alle weiteren Einstellungen zeigen: Laden der Daten, Modell, Ziel, Masken, Optimierung, Auswertung, Augmentierung, Gerät, Checkpoints und Lauf</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a list of numbers such as 0.01, 0.05</source>
        <translation>„%1“ ist keine Zahlenliste wie 0.01, 0.05</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>folk::ui::EmbeddingPlot</name>
    <message>
        <source>principal component 1</source>
        <translation>Hauptkomponente 1</translation>
    </message>
    <message>
        <source>principal component 2</source>
        <translation>Hauptkomponente 2</translation>
    </message>
    <message>
        <source>Embedding plot</source>
        <translation>Einbettungsdiagramm</translation>
    </message>
    <message>
        <source>Two principal components of the backbone&apos;s features, one colour per class</source>
        <translation>Zwei Hauptkomponenten der Backbone-Merkmale, eine Farbe pro Klasse</translation>
    </message>
</context>
<context>
    <name>folk::ui::EngineController</name>
    <message>
        <source>A training session is already running; stop it first.</source>
        <translation>Es läuft bereits ein Training; bitte zuerst anhalten.</translation>
    </message>
</context>
<context>
    <name>folk::ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Could not open an image:</source>
        <translation>Ein Bild konnte nicht geöffnet werden:</translation>
    </message>
    <message numerus="yes">
        <source>Could not open %n images:</source>
        <translation>
            <numerusform>%n Bild konnte nicht geöffnet werden:</numerusform>
            <numerusform>%n Bilder konnten nicht geöffnet werden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier problem(s) not shown</source>
        <translation>
            <numerusform>… %n früheres Problem nicht angezeigt</numerusform>
            <numerusform>… %n frühere Probleme nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss the errors</source>
        <translation>Die Fehlermeldungen schließen</translation>
    </message>
</context>
<context>
    <name>folk::ui::ExploreControls</name>
    <message>
        <source>ρ: the fraction of coefficients Com keeps (top mode), or the fraction of the largest magnitude used as threshold (relative mode)</source>
        <translation>ρ: der Anteil der Koeffizienten, den Com behält (Modus „Stärkste“), oder der Anteil des größten Betrags, der als Schwelle dient (Modus „relativ“)</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source> bins</source>
        <translation> Bins</translation>
    </message>
    <message>
        <source>Top ⌈ρ·N⌉</source>
        <translation>Stärkste ⌈ρ·N⌉</translation>
    </message>
    <message>
        <source>Relative ρ·max|F|</source>
        <translation>Relativ ρ·max|F|</translation>
    </message>
    <message>
        <source>Compare Com and RCom</source>
        <translation>Com und RCom vergleichen</translation>
    </message>
    <message>
        <source>Show Com(ρ) and RCom(ρ) of the same image side by side</source>
        <translation>Com(ρ) und RCom(ρ) desselben Bildes nebeneinander zeigen</translation>
    </message>
    <message>
        <source>Dim the removed coefficients on the spectrum</source>
        <translation>Die entfernten Koeffizienten im Spektrum abdunkeln</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>ρ</source>
        <translation>ρ</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <source>Colour map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <source>auto (%L1)</source>
        <translation>auto (%L1)</translation>
    </message>
    <message>
        <source>keep the ⌈ρ·N⌉ strongest (ties kept)</source>
        <translation>die ⌈ρ·N⌉ stärksten behalten (Gleichstände bleiben)</translation>
    </message>
    <message>
        <source>keep |F| ≥ ρ·max|F|</source>
        <translation>|F| ≥ ρ·max|F| behalten</translation>
    </message>
    <message>
        <source>Rho</source>
        <translation>Rho</translation>
    </message>
    <message>
        <source>Rho, logarithmic slider</source>
        <translation>Rho, logarithmischer Schieberegler</translation>
    </message>
    <message>
        <source>The fraction of coefficients Com keeps</source>
        <translation>Der Anteil der Koeffizienten, den Com behält</translation>
    </message>
    <message>
        <source>Threshold mode</source>
        <translation>Schwellenmodus</translation>
    </message>
    <message>
        <source>Colour map of the spectrum</source>
        <translation>Farbskala des Spektrums</translation>
    </message>
    <message>
        <source>How the spectrum&apos;s magnitudes become colours: log(1 + |F|) shows the whole range, √|F| the strong coefficients, decibels the level below the largest one</source>
        <translation>Wie die Beträge des Spektrums zu Farben werden: log(1 + |F|) zeigt den ganzen Bereich, √|F| die starken Koeffizienten, Dezibel den Abstand zum größten</translation>
    </message>
    <message>
        <source>Spectrum scale</source>
        <translation>Skala des Spektrums</translation>
    </message>
    <message>
        <source>Scale of the spectrum</source>
        <translation>Skala des Spektrums</translation>
    </message>
    <message>
        <source>Hann window</source>
        <translation>Hann-Fenster</translation>
    </message>
    <message>
        <source>Show the spectrum of the image tapered to zero at its borders, without the cross its edges draw through the spectrum. For viewing only: the masks are computed on the image as it is</source>
        <translation>Zeigt das Spektrum des zu den Rändern hin auf null abgeschwächten Bildes, ohne das Kreuz, das seine Kanten durch das Spektrum ziehen. Nur zur Ansicht: die Masken werden auf dem unveränderten Bild berechnet</translation>
    </message>
    <message>
        <source>Com keeps the coefficients with the largest |F(y)|; RCom removes exactly those.
Low/high-pass keep/remove a centred disc of the given radius.
Gaussian and Butterworth filters weight each coefficient by a smooth function of its distance D from the centre: low-pass and high-pass around the cut-off D₀ = the radius, band-pass and band-stop around a ring of that radius and the band width.</source>
        <translation>Com behält die Koeffizienten mit dem größten |F(y)|; RCom entfernt genau diese.
Tief-/Hochpass behalten/entfernen eine zentrierte Scheibe mit dem angegebenen Radius.
Gauß- und Butterworth-Filter gewichten jeden Koeffizienten mit einer glatten Funktion seines Abstands D von der Mitte: Tief- und Hochpass um die Grenzfrequenz D₀ = Radius, Bandpass und Bandsperre um einen Ring mit diesem Radius und der Bandbreite.</translation>
    </message>
    <message>
        <source>In frequency bins: the disc&apos;s radius, the soft filters&apos; cut-off D₀, or the centre C₀ of a band; auto = 16·min(H,W)/224 (MFM&apos;s 16 at 224 px)</source>
        <translation>In Frequenz-Bins: der Radius der Scheibe, die Grenzfrequenz D₀ der weichen Filter oder die Mitte C₀ eines Bandes; auto = 16·min(H,W)/224 (MFMs 16 bei 224 px)</translation>
    </message>
    <message>
        <source>Order n of the Butterworth filters, 1 / (1 + (D/D₀)^2n): higher is a sharper edge, closer to the disc</source>
        <translation>Ordnung n der Butterworth-Filter, 1 / (1 + (D/D₀)^2n): höher ergibt eine schärfere Kante, näher an der Scheibe</translation>
    </message>
    <message>
        <source>The band&apos;s width W in frequency bins for band-pass and band-stop; auto = half the radius</source>
        <translation>Die Breite W des Bandes in Frequenz-Bins für Bandpass und Bandsperre; auto = halber Radius</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Durchlassen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
    <message>
        <source>Draw on the spectrum with the left button: Pass keeps the coefficients under the brush, Stop removes them, Erase gives them back to the filter. The conjugate partner of each coefficient follows, so the filtered image stays real. Off: the left button pans</source>
        <translation>Mit der linken Taste auf das Spektrum zeichnen: Durchlassen behält die Koeffizienten unter dem Pinsel, Sperren entfernt sie, Radieren gibt sie dem Filter zurück. Der konjugierte Partner jedes Koeffizienten folgt, damit das gefilterte Bild reell bleibt. Aus: die linke Taste verschiebt die Ansicht</translation>
    </message>
    <message>
        <source>The brush&apos;s radius in frequency bins</source>
        <translation>Der Radius des Pinsels in Frequenz-Bins</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Remove every drawn region</source>
        <translation>Alle gezeichneten Bereiche entfernen</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <source>Butterworth order</source>
        <translation>Butterworth-Ordnung</translation>
    </message>
    <message>
        <source>Band width</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Brush radius</source>
        <translation>Pinselradius</translation>
    </message>
    <message>
        <source>Clear the drawn regions</source>
        <translation>Die gezeichneten Bereiche löschen</translation>
    </message>
    <message numerus="yes">
        <source>Remove every drawn region (%Ln coefficient(s) forced now)</source>
        <translation>
            <numerusform>Alle gezeichneten Bereiche entfernen (derzeit %Ln Koeffizient festgelegt)</numerusform>
            <numerusform>Alle gezeichneten Bereiche entfernen (derzeit %Ln Koeffizienten festgelegt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is drawn</source>
        <translation>Nichts gezeichnet</translation>
    </message>
    <message>
        <source>n </source>
        <comment>the Butterworth order&apos;s symbol before its value</comment>
        <translation>n </translation>
    </message>
    <message>
        <source>W auto</source>
        <comment>the band width&apos;s symbol, then that it is chosen automatically</comment>
        <translation>W auto</translation>
    </message>
    <message>
        <source>W </source>
        <comment>the band width&apos;s symbol before its value</comment>
        <translation>W </translation>
    </message>
    <message>
        <source>Mask overlay</source>
        <translation>Masken-Overlay</translation>
    </message>
</context>
<context>
    <name>folk::ui::ExplorePage</name>
    <message>
        <source>Point at the spectrum for frequency, angle and magnitude</source>
        <translation>Auf das Spektrum zeigen für Frequenz, Winkel und Betrag</translation>
    </message>
    <message>
        <source>Open images…</source>
        <translation>Bilder öffnen…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Export views…</source>
        <translation>Ansichten exportieren…</translation>
    </message>
    <message>
        <source>Open image files (or drop files and folders on the window)</source>
        <translation>Bilddateien öffnen (oder Dateien und Ordner auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>Write every view of the current image as a PNG into a folder</source>
        <translation>Jede Ansicht des aktuellen Bildes als PNG in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Spectrum cursor</source>
        <translation>Spektrum-Cursor</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>Gefiltert</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>Residuum</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n image(s) were opened</source>
        <translation>
            <numerusform>Nur das erste Bild wurde geöffnet</numerusform>
            <numerusform>Nur die ersten %n Bilder wurden geöffnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opening %n image(s)…</source>
        <translation>
            <numerusform>%n Bild wird geöffnet…</numerusform>
            <numerusform>%n Bilder werden geöffnet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample photo %1</source>
        <translation>Beispielfoto %1</translation>
    </message>
    <message>
        <source>Mask — %1 (white = kept)</source>
        <translation>Maske — %1 (weiß = behalten)</translation>
    </message>
    <message>
        <source>Filtered — %1</source>
        <translation>Gefiltert — %1</translation>
    </message>
    <message>
        <source>Residual — %1 (removed + 0.5)</source>
        <translation>Residuum — %1 (entfernt + 0,5)</translation>
    </message>
    <message>
        <source>mask + filter %L1 ms</source>
        <translation>Maske + Filter %L1 ms</translation>
    </message>
    <message>
        <source>decode + spectrum %L1 ms, </source>
        <translation>Dekodieren + Spektrum %L1 ms, </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2×%3 %4&lt;br&gt;N = %5 coefficients&lt;br&gt;%6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2×%3 %4&lt;br&gt;N = %5 Koeffizienten&lt;br&gt;%6</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>There is no image to export</source>
        <translation>Es gibt kein Bild zum Exportieren</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>Bilder (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>Einen Bildordner öffnen</translation>
    </message>
    <message>
        <source>Open an image first: there is nothing to export</source>
        <translation>Zuerst ein Bild öffnen: es gibt nichts zu exportieren</translation>
    </message>
    <message>
        <source>Export views as PNG into</source>
        <translation>Ansichten als PNG exportieren nach</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n PNG file(s) to %1</source>
        <translation>
            <numerusform>%n PNG-Datei nach %1 exportiert</numerusform>
            <numerusform>%n PNG-Dateien nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress of opening images</source>
        <translation>Fortschritt beim Öffnen der Bilder</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop opening images; those already in the strip stay (Esc)</source>
        <translation>Öffnen der Bilder abbrechen; die bereits in der Leiste gezeigten bleiben (Esc)</translation>
    </message>
    <message>
        <source>Opening cancelled</source>
        <translation>Öffnen abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Opening cancelled: %n image(s) not opened</source>
        <translation>
            <numerusform>Öffnen abgebrochen: %n Bild nicht geöffnet</numerusform>
            <numerusform>Öffnen abgebrochen: %n Bilder nicht geöffnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking for images: %n found</source>
        <translation>
            <numerusform>Suche nach Bildern: %n gefunden</numerusform>
            <numerusform>Suche nach Bildern: %n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening images: %1 of %2</source>
        <translation>Bilder werden geöffnet: %L1 von %L2</translation>
    </message>
    <message>
        <source>Thumbnails of the opened images; the selected one is shown</source>
        <translation>Miniaturansichten der geöffneten Bilder; das gewählte wird angezeigt</translation>
    </message>
    <message>
        <source>Exporting views…</source>
        <translation>Ansichten werden exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after %n file(s)</source>
        <translation>
            <numerusform>Export nach %n Datei abgebrochen</numerusform>
            <numerusform>Export nach %n Dateien abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Spectrum · %1</source>
        <comment>the scale of its colours, e.g. decibels</comment>
        <translation>Spektrum · %1</translation>
    </message>
    <message>
        <source>%1 · Hann window</source>
        <comment>a spectrum&apos;s title</comment>
        <translation>%1 · Hann-Fenster</translation>
    </message>
    <message>
        <source>The drawn regions were for a %1×%2 spectrum; this image is %3×%4, so they are cleared</source>
        <translation>Die gezeichneten Bereiche galten für ein %1×%2-Spektrum; dieses Bild ist %3×%4, daher wurden sie gelöscht</translation>
    </message>
    <message>
        <source>%1 + drawn</source>
        <comment>a filter&apos;s label with hand-drawn regions</comment>
        <translation>%1 + gezeichnet</translation>
    </message>
    <message>
        <source>Mask — %1 (white = kept, grey = gain)</source>
        <translation>Maske — %1 (weiß = behalten, grau = Verstärkung)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Show what a trained run makes of the image: its reconstruction from the filtered image, the CLS attention, the patch features&apos; PCA or the error spectrum</source>
        <translation>Zeigen, was ein trainierter Lauf aus dem Bild macht: seine Rekonstruktion aus dem gefilterten Bild, die CLS-Aufmerksamkeit, die PCA der Patch-Merkmale oder das Fehlerspektrum</translation>
    </message>
    <message>
        <source>Choose run folder…</source>
        <translation>Laufordner wählen…</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>Kein Lauf</translation>
    </message>
    <message>
        <source>Show CLS attention (mean of heads)</source>
        <translation>CLS-Aufmerksamkeit zeigen (Mittel der Köpfe)</translation>
    </message>
    <message>
        <source>Show patch features (PCA as RGB)</source>
        <translation>Patch-Merkmale zeigen (PCA als RGB)</translation>
    </message>
    <message>
        <source>Show the reconstruction error&apos;s spectrum</source>
        <translation>Spektrum des Rekonstruktionsfehlers zeigen</translation>
    </message>
    <message>
        <source>Show CLS attention of one head</source>
        <translation>CLS-Aufmerksamkeit eines Kopfes zeigen</translation>
    </message>
    <message>
        <source>Reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>No run chosen</source>
        <translation>Kein Lauf gewählt</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Show what a trained run makes of the image</source>
        <translation>Zeigen, was ein trainierter Lauf aus dem Bild macht</translation>
    </message>
    <message>
        <source>The run shown beside the filters: %1</source>
        <translation>Der neben den Filtern gezeigte Lauf: %1</translation>
    </message>
    <message>
        <source>Choose a run folder</source>
        <translation>Einen Laufordner wählen</translation>
    </message>
    <message>
        <source>step %1</source>
        <comment>a run&apos;s checkpoint</comment>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>%1 has no reconstruction head</source>
        <translation>%1 hat keinen Rekonstruktionskopf</translation>
    </message>
    <message>
        <source>Reconstruction · %1 · PSNR %L2 dB</source>
        <translation>Rekonstruktion · %1 · PSNR %L2 dB</translation>
    </message>
    <message>
        <source>%1 is not a ViT: no attention</source>
        <translation>%1 ist kein ViT: keine Aufmerksamkeit</translation>
    </message>
    <message>
        <source>CLS attention · head %1 of %2 · %3</source>
        <translation>CLS-Aufmerksamkeit · Kopf %1 von %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>CLS attention · mean of %n head(s) · %1</source>
        <translation>
            <numerusform>CLS-Aufmerksamkeit · Mittel über %n Kopf · %1</numerusform>
            <numerusform>CLS-Aufmerksamkeit · Mittel über %n Köpfe · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Patch PCA · %1 · %L2 / %L3 / %L4 %</source>
        <translation>Patch-PCA · %1 · %L2 / %L3 / %L4 %</translation>
    </message>
    <message>
        <source>Reconstruction error · log(1 + |F|)</source>
        <translation>Rekonstruktionsfehler · log(1 + |F|)</translation>
    </message>
</context>
<context>
    <name>folk::ui::ImageView</name>
    <message>
        <source>Image view: mouse wheel zooms, dragging pans, a double click fits the image</source>
        <translation>Bildansicht: Mausrad zoomt, Ziehen verschiebt, ein Doppelklick passt das Bild ein</translation>
    </message>
</context>
<context>
    <name>folk::ui::Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies the next time FOLK Workbench starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von FOLK Workbench.</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
</context>
<context>
    <name>folk::ui::LogSlider</name>
    <message>
        <source>Logarithmic scale: %L1 .. %L2</source>
        <translation>Logarithmische Skala: %L1 .. %L2</translation>
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
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <source>%1 — FOLK Workbench</source>
        <translation>%1 — FOLK Workbench</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>%1 workspace (Ctrl+%2)</source>
        <translation>Arbeitsbereich %1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>B&amp;ilder öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;sample photos</source>
        <translation>Beispiel&amp;fotos öffnen</translation>
    </message>
    <message>
        <source>&amp;Export views as PNG…</source>
        <translation>Ansichten als PNG &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Compare Com and RCom</source>
        <translation>Com und RCom &amp;vergleichen</translation>
    </message>
    <message>
        <source>Mask &amp;overlay on spectrum</source>
        <translation>&amp;Maske über dem Spektrum</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>Vor&amp;heriges Bild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About FOLK Workbench</source>
        <translation>Ü&amp;ber FOLK Workbench</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it now (a checkpoint is written, and the run can be resumed later), or keep training in the background until it is done?</source>
        <translation>Ein Trainingslauf ist im Gange. Jetzt anhalten (ein Sicherungspunkt wird geschrieben, und der Lauf kann später fortgesetzt werden) oder im Hintergrund weitertrainieren, bis er fertig ist?</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Anhalten und sichern</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>Weitertrainieren</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Images and folders</source>
        <translation>Bilder und Ordner</translation>
    </message>
    <message>
        <source>No recent images</source>
        <translation>Keine zuletzt geöffneten Bilder</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>No recent runs</source>
        <translation>Keine zuletzt geöffneten Läufe</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>%1 is not a run folder</source>
        <translation>%1 ist kein Lauf-Ordner</translation>
    </message>
    <message>
        <source>Learning table written to %1</source>
        <translation>Lerntabelle nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Settings saved to %1</source>
        <translation>Einstellungen in %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>folk::ui::ProbeSamplesPanel</name>
    <message>
        <source>Step of the probe samples</source>
        <translation>Schritt der Probebilder</translation>
    </message>
    <message>
        <source>The step whose saved probe samples are shown</source>
        <translation>Der Schritt, dessen gespeicherte Probebilder gezeigt werden</translation>
    </message>
    <message>
        <source>select one run</source>
        <translation>einen Lauf auswählen</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>Select one run to see its probe samples</source>
        <translation>Einen Lauf auswählen, um seine Probebilder zu sehen</translation>
    </message>
    <message>
        <source>Reading the samples…</source>
        <translation>Die Probebilder werden gelesen…</translation>
    </message>
    <message>
        <source>This run saved no probe samples</source>
        <translation>Dieser Lauf hat keine Probebilder gespeichert</translation>
    </message>
    <message>
        <source>no samples saved</source>
        <translation>keine Probebilder gespeichert</translation>
    </message>
    <message>
        <source>Step %L1 (%2 of %3)</source>
        <translation>Schritt %L1 (%2 von %3)</translation>
    </message>
    <message>
        <source>none (no reconstruction head)</source>
        <translation>keine (kein Rekonstruktionskopf)</translation>
    </message>
    <message>
        <source>not saved at this step</source>
        <translation>bei diesem Schritt nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>folk::ui::RadialProfilePlot</name>
    <message>
        <source>mean power</source>
        <translation>mittlere Leistung</translation>
    </message>
    <message>
        <source>radius (frequency bins)</source>
        <translation>Radius (Frequenz-Bins)</translation>
    </message>
    <message>
        <source>mean |F|² per ring</source>
        <translation>mittleres |F|² je Ring</translation>
    </message>
    <message>
        <source>Radial power profile</source>
        <translation>Radiales Leistungsprofil</translation>
    </message>
    <message>
        <source>Mean spectral power per frequency ring, with the mask&apos;s cut marked</source>
        <translation>Mittlere spektrale Leistung je Frequenzring, mit markiertem Schnitt der Maske</translation>
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
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run folder(s) with their checkpoints? This cannot be undone.

%1</source>
        <translation>
            <numerusform>%n Lauf-Ordner mit seinen Sicherungspunkten löschen? Das kann nicht rückgängig gemacht werden.

%1</numerusform>
            <numerusform>%n Lauf-Ordner mit ihren Sicherungspunkten löschen? Das kann nicht rückgängig gemacht werden.

%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs folder…</source>
        <translation>Lauf-Ordner…</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>Lauf-Ordner</translation>
    </message>
    <message>
        <source>Filter runs (name, objective, model, status…)</source>
        <translation>Läufe filtern (Name, Zielfunktion, Modell, Status…)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the runs folder again (it is also watched every 2 s)</source>
        <translation>Den Lauf-Ordner neu einlesen (er wird außerdem alle 2 s überwacht)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the selected run from its last checkpoint in the Train workspace</source>
        <translation>Den gewählten Lauf ab seinem letzten Sicherungspunkt im Arbeitsbereich „Trainieren“ fortsetzen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Einbettung</translation>
    </message>
    <message>
        <source>PCA of the selected run&apos;s teacher features on labelled test images, by class</source>
        <translation>PCA der Lehrer-Merkmale des gewählten Laufs auf beschrifteten Testbildern, nach Klasse</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>The learning table of the selected runs (all when none is selected), as CSV or Markdown</source>
        <translation>Die Lerntabelle der gewählten Läufe (aller, wenn keiner gewählt ist) als CSV oder Markdown</translation>
    </message>
    <message>
        <source>Export learning table</source>
        <translation>Lerntabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Markdown (*.md)</source>
        <translation>CSV (*.csv);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Select runs to compare their curves; double-click opens a run&apos;s folder</source>
        <translation>Läufe auswählen, um ihre Kurven zu vergleichen; Doppelklick öffnet den Ordner eines Laufs</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG-Bild (*.png);;PDF (*.pdf);;CSV-Daten (*.csv)</translation>
    </message>
    <message>
        <source>Select a run and press Embedding</source>
        <translation>Einen Lauf wählen und „Einbettung“ drücken</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Runs in %1</source>
        <translation>Läufe in %1</translation>
    </message>
    <message>
        <source>%1 lr</source>
        <translation>%1 Lernrate</translation>
    </message>
    <message>
        <source>%1 k-NN</source>
        <translation>%1 k-NN</translation>
    </message>
    <message>
        <source>Computing the features of %1 …</source>
        <translation>Merkmale von %1 werden berechnet …</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>%1: %2 features at step %L3, PCA (%L4 % + %L5 % of the variance)</source>
        <translation>%1: %2-Merkmale bei Schritt %L3, PCA (%L4 % + %L5 % der Varianz)</translation>
    </message>
    <message>
        <source>No embedding: %1</source>
        <translation>Keine Einbettung: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a usable run name (empty, or contains a path separator)</source>
        <translation>„%1“ ist kein brauchbarer Laufname (leer oder mit Pfadtrennzeichen)</translation>
    </message>
    <message>
        <source>%1 is training; stop it before renaming</source>
        <translation>%1 trainiert gerade; vor dem Umbenennen anhalten</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 existiert bereits</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2</source>
        <translation>%1 kann nicht in %2 umbenannt werden</translation>
    </message>
    <message>
        <source>%1 is training; stop it before deleting</source>
        <translation>%1 trainiert gerade; vor dem Löschen anhalten</translation>
    </message>
    <message>
        <source>%1 is not a run folder</source>
        <translation>%1 ist kein Lauf-Ordner</translation>
    </message>
    <message>
        <source>Could not delete all of %1</source>
        <translation>%1 konnte nicht vollständig gelöscht werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>Filter runs</source>
        <translation>Läufe filtern</translation>
    </message>
    <message>
        <source>Rename the selected run (F2)</source>
        <translation>Den gewählten Lauf umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete the selected runs (asks first; Del)</source>
        <translation>Die gewählten Läufe löschen (mit Rückfrage; Entf)</translation>
    </message>
    <message>
        <source>Progress of the embedding</source>
        <translation>Fortschritt der Einbettung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop computing the embedding (Esc)</source>
        <translation>Berechnung der Einbettung abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Smoothing of the curves</source>
        <translation>Glättung der Kurven</translation>
    </message>
    <message>
        <source>Embedding of %1:</source>
        <translation>Einbettung von %1:</translation>
    </message>
    <message>
        <source>Embedding of %1 cancelled</source>
        <translation>Einbettung von %1 abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the runs:</source>
        <translation>
            <numerusform>%n Problem mit den Läufen:</numerusform>
            <numerusform>%n Probleme mit den Läufen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Export weights…</source>
        <translation>Gewichte exportieren…</translation>
    </message>
    <message>
        <source>The selected run&apos;s backbone (the teacher where there is one) from its latest checkpoint, as safetensors with timm / torchvision names, for PyTorch</source>
        <translation>Das Backbone des gewählten Laufs (der Lehrer, wo es einen gibt) aus seinem letzten Checkpoint, als safetensors mit timm- / torchvision-Namen, für PyTorch</translation>
    </message>
    <message>
        <source>Export backbone weights</source>
        <translation>Backbone-Gewichte exportieren</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Could not export the weights of %1: %2</source>
        <translation>Die Gewichte von %1 konnten nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>Exported the %1 backbone of %2 at step %3 (%4 tensors) to %5</source>
        <translation>Backbone (%1) von %2 bei Schritt %3 (%4 Tensoren) nach %5 exportiert</translation>
    </message>
    <message>
        <source>Select runs in the table to compare their curves</source>
        <translation>Läufe in der Tabelle auswählen, um ihre Kurven zu vergleichen</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>Group runs by</source>
        <translation>Läufe gruppieren nach</translation>
    </message>
    <message>
        <source>Study: the runs of each study folder by objective, with the study&apos;s baselines. A setting: every run by its value of that setting</source>
        <translation>Studie: die Läufe jedes Studienordners nach Zielfunktion, mit den Basislinien der Studie. Eine Einstellung: alle Läufe nach ihrem Wert dieser Einstellung</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Run groups</source>
        <translation>Laufgruppen</translation>
    </message>
    <message>
        <source>Select groups to compare their mean curves with the min–max band of their runs; expand a group to see and select its runs</source>
        <translation>Gruppen auswählen, um ihre mittleren Kurven mit dem Min-Max-Band ihrer Läufe zu vergleichen; eine Gruppe aufklappen, um ihre Läufe zu sehen und auszuwählen</translation>
    </message>
    <message>
        <source>Runs and groups</source>
        <translation>Läufe und Gruppen</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Metric of the first panel</source>
        <translation>Messgröße des ersten Diagramms</translation>
    </message>
    <message>
        <source>The logged step metric the first panel shows for every selected run and group</source>
        <translation>Die je Schritt protokollierte Messgröße, die das erste Diagramm für jeden ausgewählten Lauf und jede ausgewählte Gruppe zeigt</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>The first panel&apos;s y axis in a logarithmic scale</source>
        <translation>Die y-Achse des ersten Diagramms in logarithmischer Skala</translation>
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
            <numerusform>%1 %2: Mittelwert, Min–Max von %n Lauf</numerusform>
            <numerusform>%1 %2: Mittelwert, Min–Max von %n Läufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Only the settings that differ</source>
        <translation>Nur die Einstellungen, die sich unterscheiden</translation>
    </message>
    <message>
        <source>Show only the settings whose value is not the same in every selected run</source>
        <translation>Nur die Einstellungen zeigen, deren Wert nicht in allen ausgewählten Läufen gleich ist</translation>
    </message>
    <message>
        <source>Settings of the selected runs</source>
        <translation>Einstellungen der ausgewählten Läufe</translation>
    </message>
    <message>
        <source>Select runs to compare their settings</source>
        <translation>Läufe auswählen, um ihre Einstellungen zu vergleichen</translation>
    </message>
    <message>
        <source>The settings of %1</source>
        <translation>Die Einstellungen von %1</translation>
    </message>
    <message numerus="yes">
        <source>These %n runs have the same settings</source>
        <translation>
            <numerusform>Dieser %n Lauf hat dieselben Einstellungen</numerusform>
            <numerusform>Diese %n Läufe haben dieselben Einstellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) differ between these %1 runs</source>
        <translation>
            <numerusform>%n Einstellung unterscheidet sich zwischen diesen %1 Läufen</numerusform>
            <numerusform>%n Einstellungen unterscheiden sich zwischen diesen %1 Läufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Curves, samples, embedding and settings of the selected runs</source>
        <translation>Kurven, Probebilder, Einbettung und Einstellungen der ausgewählten Läufe</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Probebilder</translation>
    </message>
    <message>
        <source>Right-click to add columns for settings</source>
        <translation>Rechtsklick fügt Spalten für Einstellungen hinzu</translation>
    </message>
    <message>
        <source>Columns for settings</source>
        <translation>Spalten für Einstellungen</translation>
    </message>
    <message>
        <source>Remove the setting columns</source>
        <translation>Die Einstellungsspalten entfernen</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
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
        <translation>Noch kein abgeschlossener Lauf dieser Gruppe hat eine Evaluation</translation>
    </message>
    <message numerus="yes">
        <source>Mean ± sample standard deviation of the per-seed differences, over %n seed(s)</source>
        <translation>
            <numerusform>Mittelwert ± Stichproben-Standardabweichung der Differenzen je Startwert, über %n Startwert</numerusform>
            <numerusform>Mittelwert ± Stichproben-Standardabweichung der Differenzen je Startwert, über %n Startwerte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean ± sample standard deviation over %n seed(s), one measurement each</source>
        <translation>
            <numerusform>Mittelwert ± Stichproben-Standardabweichung über %n Startwert, je eine Messung</numerusform>
            <numerusform>Mittelwert ± Stichproben-Standardabweichung über %n Startwerte, je eine Messung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mean ± sample standard deviation over %n finished run(s)</source>
        <translation>
            <numerusform>Mittelwert ± Stichproben-Standardabweichung über %n abgeschlossenen Lauf</numerusform>
            <numerusform>Mittelwert ± Stichproben-Standardabweichung über %n abgeschlossene Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; protocol: %2</source>
        <translation>%1; Protokoll: %2</translation>
    </message>
    <message>
        <source>random-init baseline</source>
        <translation>zufallsinitialisierte Basislinie</translation>
    </message>
    <message>
        <source>raw-pixels baseline</source>
        <translation>Rohpixel-Basislinie</translation>
    </message>
    <message>
        <source>folk − mfm, paired per seed</source>
        <translation>folk − mfm, gepaart je Startwert</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 von %L2</translation>
    </message>
    <message numerus="yes">
        <source>Measured by %n run(s) of the study, counted once per seed</source>
        <translation>
            <numerusform>Gemessen von %n Lauf der Studie, einmal je Startwert gezählt</numerusform>
            <numerusform>Gemessen von %n Läufen der Studie, einmal je Startwert gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Seeds whose folk and mfm runs both finished</source>
        <translation>Startwerte, deren folk- und mfm-Läufe beide abgeschlossen sind</translation>
    </message>
    <message>
        <source>%L1 of the group&apos;s %L2 runs finished with an evaluation; the figures are over them</source>
        <translation>%L1 der %L2 Läufe der Gruppe sind mit einer Evaluation abgeschlossen; die Werte beziehen sich auf diese</translation>
    </message>
    <message>
        <source>Not finished: its evaluation is not in the group&apos;s figures</source>
        <translation>Nicht abgeschlossen: seine Evaluation geht nicht in die Werte der Gruppe ein</translation>
    </message>
    <message>
        <source>k-NN %</source>
        <translation>k-NN %</translation>
    </message>
    <message>
        <source>Linear %</source>
        <translation>Linear %</translation>
    </message>
    <message>
        <source>Effective rank</source>
        <translation>Effektiver Rang</translation>
    </message>
    <message>
        <source>%1 % labels %</source>
        <translation>%1 % Labels %</translation>
    </message>
    <message>
        <source>Mean ± sample standard deviation over the group&apos;s finished runs (a study&apos;s baselines: over its seeds); a member run&apos;s own figure</source>
        <translation>Mittelwert ± Stichproben-Standardabweichung über die abgeschlossenen Läufe der Gruppe (Basislinien einer Studie: über ihre Startwerte); bei einem Lauf der Gruppe sein eigener Wert</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>folk::ui::RunsTableModel</name>
    <message>
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird angehalten</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>k-NN %</source>
        <translation>k-NN %</translation>
    </message>
    <message>
        <source>Best k-NN %</source>
        <translation>Bester k-NN %</translation>
    </message>
    <message>
        <source>Linear %</source>
        <translation>Linear %</translation>
    </message>
    <message>
        <source>1 % labels %</source>
        <translation>1 % Labels %</translation>
    </message>
    <message>
        <source>10 % labels %</source>
        <translation>10 % Labels %</translation>
    </message>
    <message>
        <source>Random-init k-NN %</source>
        <translation>k-NN % (zufällig init.)</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 von %L2</translation>
    </message>
    <message>
        <source>Entropy of the teacher&apos;s outputs at the last logged step, as a percentage of ln K (uniform outputs); 97 % or more after the warm-up is a collapse</source>
        <translation>Entropie der Lehrer-Ausgaben beim letzten protokollierten Schritt, in Prozent von ln K (gleichverteilte Ausgaben); 97 % oder mehr nach dem Warm-up ist ein Kollaps</translation>
    </message>
    <message>
        <source>Prototypes that were the argmax of a teacher output in the %1 steps up to the last logged one</source>
        <translation>Prototypen, die in den %1 Schritten bis zum letzten protokollierten das Argmax einer Lehrer-Ausgabe waren</translation>
    </message>
    <message>
        <source>Teacher entropy % of ln K</source>
        <translation>Lehrer-Entropie % von ln K</translation>
    </message>
    <message>
        <source>Prototypes used</source>
        <translation>Genutzte Prototypen</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>wird geladen</translation>
    </message>
    <message>
        <source>Step %L1, %2 protocol, %3 split: probes fitted on %L4 labelled images, scored on %L5</source>
        <translation>Schritt %L1, Protokoll %2, Split %3: Sonden angepasst auf %L4 gelabelten Bildern, bewertet auf %L5</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>config.json could not be read</source>
        <translation>config.json konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>folk::ui::SettingsComparisonModel</name>
    <message>
        <source>%1: config.json could not be read</source>
        <translation>%1: config.json konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
</context>
<context>
    <name>folk::ui::SpectrumView</name>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>period %L1 px</source>
        <translation>Periode %L1 px</translation>
    </message>
    <message>
        <source>DC (no period)</source>
        <translation>Gleichanteil (keine Periode)</translation>
    </message>
    <message>
        <source>%L1 dB</source>
        <translation>%L1 dB</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>null</translation>
    </message>
    <message>
        <source>fu %L1, fv %L2 cyc/px · |f| %L3 (r %L4 bins) · %5 · %L6° · |F| %L7 (%8)</source>
        <translation>fu %L1, fv %L2 Zyklen/px · |f| %L3 (r %L4 Bins) · %5 · %L6° · |F| %L7 (%8)</translation>
    </message>
    <message>
        <source>gain %L1</source>
        <translation>Verstärkung %L1</translation>
    </message>
</context>
<context>
    <name>folk::ui::StepComparisonModel</name>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <comment>a group&apos;s mean (its runs&apos; smallest – largest value)</comment>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>%1 (step %2)</source>
        <translation>%1 (Schritt %2)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>At step %1</source>
        <translation>Bei Schritt %1</translation>
    </message>
</context>
<context>
    <name>folk::ui::StepComparisonPanel</name>
    <message>
        <source>Compare at step</source>
        <translation>Bei Schritt vergleichen</translation>
    </message>
    <message>
        <source>Read every selected run and group at one step: the last value each logged at or before it. A click on the curves picks the step.</source>
        <translation>Liest jeden ausgewählten Lauf und jede Gruppe bei einem Schritt: den letzten Wert, den jeder bei oder vor diesem Schritt protokolliert hat. Ein Klick in die Kurven wählt den Schritt.</translation>
    </message>
    <message>
        <source>Step to compare at</source>
        <translation>Schritt, bei dem verglichen wird</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text</source>
        <translation>Die Tabelle als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>The selected runs and groups at the compared step</source>
        <translation>Die ausgewählten Läufe und Gruppen beim verglichenen Schritt</translation>
    </message>
</context>
<context>
    <name>folk::ui::Theme</name>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>&amp;System folgen</translation>
    </message>
</context>
<context>
    <name>folk::ui::ThumbnailStrip</name>
    <message>
        <source>Drop image files or folders here</source>
        <translation>Bilddateien oder Ordner hierher ziehen</translation>
    </message>
</context>
<context>
    <name>folk::ui::TrainPage</name>
    <message>
        <source>%1h%2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1m%2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>A training session is already running; stop it first.</source>
        <translation>Es läuft bereits ein Training; bitte zuerst anhalten.</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Fashion-MNIST (embedded default)</source>
        <translation>Fashion-MNIST (eingebetteter Standard)</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>Bildordner…</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class, or flat)</source>
        <translation>Bildordner (ein Unterordner pro Klasse oder flach)</translation>
    </message>
    <message>
        <source>IDX or CIFAR folder…</source>
        <translation>IDX- oder CIFAR-Ordner…</translation>
    </message>
    <message>
        <source>Folder with IDX or CIFAR binary files</source>
        <translation>Ordner mit IDX- oder CIFAR-Binärdateien</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Load a config JSON (e.g. a run&apos;s config.json)</source>
        <translation>Eine Konfiguration als JSON laden (z. B. die config.json eines Laufs)</translation>
    </message>
    <message>
        <source>Load config</source>
        <translation>Konfiguration laden</translation>
    </message>
    <message>
        <source>Config (*.json)</source>
        <translation>Konfiguration (*.json)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save these settings as a config JSON for `folk train --config`</source>
        <translation>Diese Einstellungen als JSON-Konfiguration für „folk train --config“ speichern</translation>
    </message>
    <message>
        <source>Save config</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>Defaults for the chosen dataset</source>
        <translation>Standardwerte für den gewählten Datensatz</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start a new run with these settings (Ctrl+Enter)</source>
        <translation>Einen neuen Lauf mit diesen Einstellungen starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Pause or resume at the next step boundary (Ctrl+P)</source>
        <translation>Am nächsten Schrittende pausieren oder fortsetzen (Strg+P)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop at the next step boundary and write a checkpoint (Ctrl+.)</source>
        <translation>Am nächsten Schrittende anhalten und einen Sicherungspunkt schreiben (Strg+.)</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>Nicht gestartet.</translation>
    </message>
    <message>
        <source>k-NN top-1</source>
        <translation>k-NN Top-1</translation>
    </message>
    <message>
        <source>k-NN top-1, random init</source>
        <translation>k-NN Top-1, zufällig initialisiert</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>Weight of the past in the debiased moving average; the raw values stay drawn faintly</source>
        <translation>Gewicht der Vergangenheit im bias-korrigierten gleitenden Mittel; die Rohwerte bleiben blass sichtbar</translation>
    </message>
    <message>
        <source>Log loss axis</source>
        <translation>Logarithmische Verlustachse</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the curves as PNG or PDF, or their data as CSV</source>
        <translation>Die Kurven als PNG oder PDF oder ihre Daten als CSV speichern</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;CSV data (*.csv)</source>
        <translation>PNG-Bild (*.png);;PDF (*.pdf);;CSV-Daten (*.csv)</translation>
    </message>
    <message>
        <source>appears during training</source>
        <translation>erscheint während des Trainings</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Starting %1 …</source>
        <translation>%1 wird gestartet …</translation>
    </message>
    <message>
        <source>Epoch %L1 · step %L2 / %L3 · %L4 images/s · elapsed %5 · ETA %6 · device %7</source>
        <translation>Epoche %L1 · Schritt %L2 / %L3 · %L4 Bilder/s · vergangen %5 · verbleibend %6 · Gerät %7</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>Paused at step %L1.</source>
        <translation>Bei Schritt %L1 pausiert.</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>Trainingsfortschritt</translation>
    </message>
    <message>
        <source>Smoothing of the curves</source>
        <translation>Glättung der Kurven</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>Trainingseinstellungen</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the training session:</source>
        <translation>
            <numerusform>%n Problem mit der Trainingssitzung:</numerusform>
            <numerusform>%n Probleme mit der Trainingssitzung:</numerusform>
        </translation>
    </message>
    <message>
        <source>The self-distillation of this run has collapsed:</source>
        <translation>Die Selbstdestillation dieses Laufs ist kollabiert:</translation>
    </message>
    <message>
        <source>ln K = %L1 (uniform teacher)</source>
        <translation>ln K = %L1 (gleichverteilter Lehrer)</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>Apply a named recipe to these settings (as folk train --preset); the dataset stays</source>
        <translation>Ein benanntes Rezept auf diese Einstellungen anwenden (wie folk train --preset); der Datensatz bleibt</translation>
    </message>
    <message>
        <source>desk: the default, two views, minutes on a CPU</source>
        <translation>desk: der Standard, zwei Ansichten, Minuten auf einer CPU</translation>
    </message>
    <message>
        <source>paper: the FOLK paper&apos;s recipe, ViT-S/16 at 224 px, K 65536, multi-crop (for GPUs)</source>
        <translation>paper: das Rezept des FOLK-Papers, ViT-S/16 mit 224 px, K 65536, Multi-Crop (für GPUs)</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Creating a run folder in %1 …</source>
        <translation>Lauf-Ordner wird in %1 angelegt …</translation>
    </message>
</context>
<context>
    <name>folk::ui::TrainingCurves</name>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation>EMA-Momentum</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>Lehrertemperatur</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>Loss, schedule and accuracy curves over the training steps</source>
        <translation>Verlust-, Zeitplan- und Genauigkeitskurven über die Trainingsschritte</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: choose a .png or .pdf file name</source>
        <translation>%1: bitte einen Dateinamen mit .png oder .pdf wählen</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>Nat</translation>
    </message>
    <message>
        <source>prototypes used</source>
        <translation>genutzte Prototypen</translation>
    </message>
    <message>
        <source>centre norm</source>
        <translation>Norm des Zentrums</translation>
    </message>
    <message>
        <source>%1: choose a .png, .pdf or .csv file name</source>
        <translation>%1: bitte einen Dateinamen mit .png, .pdf oder .csv wählen</translation>
    </message>
    <message>
        <source>Cannot draw the curves for %1</source>
        <translation>Die Kurven für %1 lassen sich nicht zeichnen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FOLK Workbench: explore frequency masks (Com/RCom, low/high-pass) of images, train and compare frequency-guided self-supervised models.</source>
        <translation>FOLK Workbench: Frequenzmasken (Com/RCom, Tief-/Hochpass) von Bildern erkunden, frequenzgeführte selbstüberwachte Modelle trainieren und vergleichen.</translation>
    </message>
    <message>
        <source>[paths...]</source>
        <translation>[Pfade...]</translation>
    </message>
    <message>
        <source>Save a PNG of the window and exit.</source>
        <translation>Ein PNG des Fensters speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Start in Com/RCom compare mode.</source>
        <translation>Im Com/RCom-Vergleichsmodus starten.</translation>
    </message>
    <message>
        <source>Start with this rho.</source>
        <translation>Mit diesem ρ starten.</translation>
    </message>
    <message>
        <source>Use this language (en, de, zh_CN or system) instead of the one chosen in View → Language.</source>
        <translation>Diese Sprache verwenden (en, de, zh_CN oder system) statt der unter Ansicht → Sprache gewählten.</translation>
    </message>
    <message>
        <source>--rho must be a number in (0, 1], got &apos;%1&apos;</source>
        <translation>--rho muss eine Zahl in (0, 1] sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Images or image folders to open in Explore (default: the sample photos), or a run folder or runs folder to open in Results.</source>
        <translation>Bilder oder Bildordner, die in „Erkunden“ geöffnet werden (Standard: die Beispielfotos), oder ein Lauf-Ordner oder ein Ordner mit Läufen, der in „Ergebnisse“ geöffnet wird.</translation>
    </message>
</context>
</TS>
