<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CvatArchive</name>
    <message>
        <source>%1 is not a readable zip file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has no %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1 in the archive: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CvatDocument</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CvatPreview</name>
    <message>
        <source>The archive entry leaves the archive; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CvatProblemReport</name>
    <message numerus="yes">
        <source>%n more problem(s) of kinds already listed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Encord::AboutDialog</name>
    <message>
        <source>About Encord Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encord Desktop icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Encord Desktop&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse and set up Encord annotation projects, in the Encord cloud or in a local workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the versions to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proprietary software: all rights reserved. The libraries below keep their own licences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distributed under the %1 licence. The libraries below keep their own licences.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::AboutInformation</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ApiError</name>
    <message>
        <source>Could not reach the server. Check the address and your network connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept your key. Check that its public key is registered with your Encord account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission for this. Ask an administrator of the resource for access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was not found. It may have been deleted, or it is not shared with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request. Correct the values and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It already exists. Choose another name or use the existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is receiving too many requests. Wait a little and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is too large for the server. Send fewer or smaller files at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not offer this operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again later; if it persists, contact the server&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood. Check that the address points to an Encord server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server said: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ApiKeysDialog</name>
    <message>
        <source>Read the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run model inference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read label logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the algorithm library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get or Create Default Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Keys of Dataset “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Keys of Project “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get or create default key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is a secret: whoever has it can act on this %1 with its scopes. It is shown only now. Copy it and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one scope.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::BrowserWindowFactory</name>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ontologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a CVAT export to get a dataset, an ontology and a project with all the labels in one go, or create an empty dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CVAT export becomes a project with its labels; you can also drop an export folder or .zip on this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a CVAT Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Ontology…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Structure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ontologies yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ontology says what annotators can label: objects with their shapes, and classifications.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::CheckableList</name>
    <message>
        <source>Filter %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not among your %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Encord::CloudIntegrationListModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ColorButton</name>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the colour annotators see for this object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ConnectionProfile</name>
    <message>
        <source>Local workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Cvat::CvatExportFolder</name>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no annotations.xml. Export the task, job or project from CVAT as &quot;CVAT for images 1.1&quot; and choose the unpacked folder or the .zip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive %1 holds no annotations.xml at its root. Export from CVAT as &quot;CVAT for images 1.1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export has no image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Cvat::CvatExportScan</name>
    <message>
        <source>None of the export&apos;s images has a file under images/: export again from CVAT with &quot;Save images&quot; checked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Cvat::CvatFolderCheck</name>
    <message>
        <source>Not found where CVAT puts it; the only file of that name, images/%1, is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image file at images/%1 (subset &quot;%2&quot;); its annotations are kept without the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image file at images/%1; its annotations are kept without the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images/%1 belongs to no &lt;image&gt; of annotations.xml; it is not imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Cvat::CvatLabelRowBuilder</name>
    <message>
        <source>A %1 cannot be carried over: Encord has no matching 2D shape for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image size is unknown, so the %1 cannot be placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ellipse becomes a polygon of %1 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A points shape of %1 points becomes %1 point objects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Cvat::CvatOntologyBuilder</name>
    <message>
        <source>Shapes with an empty label are not carried over: an ontology object needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &quot;%1&quot; is used by no shape and declares no shape type; it is not added to the ontology.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Cvat::CvatReader</name>
    <message>
        <source>The file ends before the XML document is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XML is not well-formed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file declares a DTD. CVAT never writes one, and entity declarations are refused for safety.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a CVAT annotations file: the root element is &lt;%1&gt;, not &lt;annotations&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no XML element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DTD appears inside the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is a &quot;CVAT for video 1.1&quot; export (it holds tracks). Export the task again in CVAT as &quot;CVAT for images 1.1&quot; with &quot;Save images&quot; ticked, and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video export has no &lt;original_size&gt;; the frame files must provide their size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra content at the end of the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a track shape; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The track has this frame twice; the later shape is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export holds no images and no tracks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no &lt;version&gt;; it is read as CVAT XML 1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file says it is CVAT XML version %1; it is read as 1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no &lt;meta&gt;; the labels are taken from the shapes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image name is absolute or leaves the export folder; no file is looked up for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another &lt;image&gt; earlier in the file has the same name%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in subset &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has no width and height; the image file must provide them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a CVAT shape; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 has missing or unreadable coordinates; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton node &quot;%1&quot; has no readable point; it is marked absent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A polygon with %1 point(s) has no area; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A polyline with %1 point(s) is no line; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A points shape without points is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask&apos;s RLE is not a list of non-negative integers; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask&apos;s rectangle of %1 × %2 pixels is unusable; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask&apos;s runs cover more pixels than its %1 × %2 rectangle; it is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask&apos;s runs end before its %1 × %2 rectangle does; the rest is taken as background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton &quot;%1&quot; declares no node &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 has an empty label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &quot;%1&quot; is used but not declared in &lt;meta&gt;; it is created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &quot;%1&quot; declares no attribute &quot;%2&quot;; the value is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an allowed value of attribute &quot;%2&quot; of label &quot;%3&quot;; it is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 reaches beyond the %2 × %3 image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Cvat::CvatXmlStream</name>
    <message>
        <source>A document type declaration is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::CvatImportWizard</name>
    <message>
        <source>Import a CVAT Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::CvatOptionsPage</name>
    <message>
        <source>Import &amp;boxes as polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dataset with the export&apos;s images, an ontology from its labels and a project joining them are created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset name problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import boxes as polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploads at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled: reviewers approve the imported labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlabelled: annotators still submit each task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed: the imported labels count as reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uploads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review mode decides where the imported labels start in the project&apos;s workflow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::CvatPreviewPage</name>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the export holds and what cannot be carried over as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the problems report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Problems Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, named &quot;%1&quot; in CVAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, format version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (read as 1.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 found, %2 missing, %3 extra files not named by any image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by shapes but not declared in the export&apos;s labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the report to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export without &lt;meta&gt; (read as a task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in annotations.xml: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to import; read the %1 first: what they name is changed or left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be fixed in the export before it can be imported; nothing has been uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::CvatResultPage</name>
    <message>
        <source>&amp;Open the project in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues reported by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the project in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project was created (ID %1) with its dataset (ID %2) and an ontology made from the export&apos;s labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not create the project. The errors below say why; fix the export and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported no issues.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::CvatRunPage</name>
    <message>
        <source>Could not unpack %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The images are uploaded first; the dataset, ontology and project are made only once every image is on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was created on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export has not been read; go back to the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpacking the images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading annotations.xml…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make a temporary folder to unpack the images: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading the images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 files — %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1/s — about %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is converting the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not import the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting on the server for %1. There is no progress figure for this step.
Cancel closes this window without stopping the import: the project appears in the browser (F5) once it is complete, or not at all if the import fails; nothing half-made is ever shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting; the server finishes the import on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not unpack annotations.xml: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::CvatSourcePage</name>
    <message>
        <source>Choose the CVAT Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export in the &quot;CVAT for images 1.1&quot; format, saved with its images: the folder holding annotations.xml and images/, or the .zip CVAT downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folder or .zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a path, choose one, or drop a folder or .zip here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zip File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an export .zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In CVAT: Actions → Export task dataset (or job, or project) → &quot;CVAT for images 1.1&quot; with &quot;Save images&quot; checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVAT Export Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVAT Export Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the export&apos;s folder or its .zip file, not a file inside it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DataRowModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DatasetDetails</name>
    <message>
        <source>Your role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show client metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrored by a storage folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not mirrored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DatasetListModel</name>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DateRangeFilter</name>
    <message>
        <source>Date ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only what was created or edited between two days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the date ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 – %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DeidOptionsPage</name>
    <message>
        <source>De-identification Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is removed from each file, and which files are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove identifying &amp;tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove identifying tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Patient Name is kept.&lt;/b&gt; The Encord profile keeps Patient Name and 11 other tags (the study, series and instance UIDs, slice geometry, number of frames, window centre and width) plus what a viewer needs to show the image; every other tag is removed, private tags and sequences included. The copies are therefore not anonymous: remove the name elsewhere if it must not be seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burned-in text redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the pixels unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black out all burned-in text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black out burned-in text that identifies the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy is saved only when every condition holds for every file of its series. Values are compared without regard to case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names of the copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deid_&lt;timestamp&gt;_&lt;original name&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;SOP Instance UID&gt;.dcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload folder in the integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: next to each source file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder inside the integration, relative to its root; it is created if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Burned-in text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;De-identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text burned into the image stays. Fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every piece of text found in the image is blacked out on every frame. Text detection takes seconds per file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only text matching the patient&apos;s name, IDs and dates from the header is blacked out; other text stays. Text detection takes seconds per file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original file names can identify a patient (such as DOE_JANE_MRN0012345.dcm): name copies by SOP Instance UID to leave them out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File names carry nothing from the original names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service names its copies deid_&lt;timestamp&gt;_&lt;original name&gt;; original file names can identify a patient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DeidPreviewPage</name>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nested elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file before and after, with the options chosen. Nothing is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;De-identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags that will be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags that will be kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original first frame, the boxes to black out outlined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first frame of the copy, the boxes blacked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of tags and image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 and looking for burned-in text; this takes a few seconds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be de-identified: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file will not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pixels are copied unchanged in this mode. Choose a burned-in text mode on the previous page to see what would be blacked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has no image to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 will be removed, %3 kept (%4 removed at every depth).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be blacked out on every frame (%2 of %3 frames searched).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boxes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DeidResultTable</name>
    <message>
        <source>Result per file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DeidRunPage</name>
    <message>
        <source>De-identifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New files are written; the originals are not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the de-identification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the result table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: the output folder cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was started: there is no connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not start the job: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. The job may still finish on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s result could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No copy: a save condition failed for this file or its series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not say which source this copy is of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job ended with errors; the files without one were written. The service does not report tag or box counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service does not report tag or box counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is de-identifying %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 done: %3 written, %4 not saved, %5 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DeidSourcePage</name>
    <message>
        <source>Files to De-identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identification writes new files; the originals are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in a &amp;cloud integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in a cloud integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files on this &amp;computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in a cloud integration (connect to a workspace to use this)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File URLs, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Integration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;URLs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to de-identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder and every file below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the de-identified copies are written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never a source folder or a folder inside one, so that the copies cannot mix with the originals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files or folders here. Folders are read with every folder below them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add DICOM Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM files (*.dcm *.dicom *.ima);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the de-identified copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output folder must not be a source folder or inside one (%1): the copies would mix with the originals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the integrations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrations could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no cloud integration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files added from the folders above, or one file URL per line as the integration names it, e.g. file:///data/pacs/study/image1.dcm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in the selected folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Selected Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected files to the file URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folders could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder to see its files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the folder&apos;s files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 can be chosen here; the others are greyed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DeidStorageItemFilter</name>
    <message>
        <source>A DICOM series: choose its files one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in Encord&apos;s storage, not in the integration %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In another integration, not in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integration gives no URL for this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a DICOM file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DesktopController</name>
    <message>
        <source>There is no saved profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a CVAT Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a workspace first: the import creates a project there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DesktopSession</name>
    <message>
        <source>No passphrase given, so the key could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DetailsPanel</name>
    <message>
        <source>Select a row to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Dicom::DeidRunner</name>
    <message>
        <source>The de-identification worker (encord-deid-worker) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DICOM library stopped while processing this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The de-identification worker could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identifying this file took too long; it was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: a save condition failed for another file of the same series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before this file was de-identified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The de-identification worker gave an unreadable answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Dicom::DicomDeidentifier</name>
    <message>
        <source>The file does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pixel data of this file cannot be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a DICOM file, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the condition %1 does not hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has no valid SOP Class and Instance UIDs, so it is not a DICOM object that can be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output file name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; de-identification never overwrites a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The de-identified file could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The de-identified file could not be moved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is cut short: it ends before the data it declares, so its image is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Dicom::DicomHeader</name>
    <message numerus="yes">
        <source>sequence of %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>encapsulated data</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Encord::Dicom::PixelRedactor</name>
    <message>
        <source>Video transfer syntaxes cannot be redacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pixel data could not be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pixel layout (%1 bits, %2 samples) cannot be redacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pixel data is shorter than the image it describes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redacted pixels could not be re-encoded as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour images with more than 8 bits per sample in RLE cannot be redacted reliably.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::Dicom::TextDetector</name>
    <message>
        <source>The text recogniser (encord_deid_ocr) could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text recogniser at %1 is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text recogniser could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::DicomDeidWizard</name>
    <message>
        <source>De-identify DICOM Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identify DICOM files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identify &amp;DICOM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make copies of DICOM files without identifying tags or burned-in text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::FieldMessage</name>
    <message>
        <source>%1: problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::FolderUpload</name>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of file cannot be uploaded into a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave too few upload addresses.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::FormError</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::FormLauncher</name>
    <message>
        <source>New &amp;Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;Metadata Schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project with These &amp;Datasets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API Keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload Files into “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::GroupListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Encord Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder with the log files, to attach them to a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ImagePreviewLoader</name>
    <message>
        <source>The image could not be downloaded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::KeyError</name>
    <message>
        <source>The key file %1 does not exist. Choose the private key file you registered with Encord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 cannot be read. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key given, and neither ENCORD_SSH_KEY_FILE nor ENCORD_SSH_KEY is set. Choose a key file or set one of these variables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is empty. Paste the whole private key, including its BEGIN and END lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an OpenSSH private key. Encord needs an Ed25519 key in OpenSSH format (it starts with &quot;-----BEGIN OPENSSH PRIVATE KEY-----&quot;); make one with: ssh-keygen -t ed25519</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a %1 key; Encord only accepts Ed25519 keys. Make one with: ssh-keygen -t ed25519</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is protected by a passphrase. Enter the passphrase to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase does not open this key. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is encrypted with %1, which is not supported. Re-encrypt it with a current ssh-keygen (ssh-keygen -p -f FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is damaged or incomplete. Copy it again from the original file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::LabelRowModel</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::LabelRowViewer</name>
    <message>
        <source>Labels of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image with its labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data row has no stored file to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave no address for the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::LocalWorkspace</name>
    <message>
        <source>Could not write the workspace key to %1. Check that the folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the workspace folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the local workspace server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not register the local user with the workspace in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::MainWindow</name>
    <message>
        <source>Encord Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — connected to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Encord Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CVAT Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make an Encord project from a CVAT export folder or .zip (you can also drop one on the window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — connecting to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — cannot reach %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 refused the key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::MetadataSchemaDialog</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geospatial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice (enum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the Metadata Schema?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation has one client metadata schema. Saving replaces it for everyone with these %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client Metadata Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client metadata keys and the type of their values. The organisation has one schema; it applies to every storage item and folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unknown type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the organisation&apos;s schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema could not be loaded; saving is off so that nothing is replaced by mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation has no schema yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the organisation&apos;s schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: a key is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: a key has at most %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: “%2” may hold only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;, and starts with a letter, digit or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: the key “%2” is already in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the problem under the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ModelFormat</name>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator &amp; reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS S3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3 compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIfTI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounding box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polyline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotatable bounding box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitmask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cuboid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2D cuboid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::NewDatasetDialog</name>
    <message>
        <source>Encord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS S3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3-compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in a cloud bucket need a cloud integration on the server; the server says whether it offers the location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dataset needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::NewFolderDialog</name>
    <message>
        <source>a number such as 2.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ISO date such as 2024-05-01T10:00:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add metadata entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove metadata entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the organisation&apos;s metadata schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata schema could not be loaded; values are sent as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation has no metadata schema; values are sent as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys of the organisation&apos;s schema: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value needs a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key “%1” is already in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a key of the organisation&apos;s metadata schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name cannot contain &apos;/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a GeoJSON geometry or a [longitude, latitude] pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of numbers such as [0.1, 0.5, 0.2]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::NewProjectWizard</name>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A project titled &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, described as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No datasets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontology: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyDetails</name>
    <message>
        <source>Contents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyEditModel</name>
    <message>
        <source>Object %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object %1 needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification %1 needs a question: add an attribute to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute %1 needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” needs at least one option to choose from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option %1 needs a label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifications (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id %1, feature node hash %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change attribute type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two skeletons are called “%1”: each needs its own name, as its template is found by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The structure has another skeleton template called “%1”: rename this skeleton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The skeleton “%1” needs at least one keypoint: add them to its skeleton template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete keypoint “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change keypoint colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change edge colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change skeleton size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyEditorDialog</name>
    <message>
        <source>Ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Street scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is annotated with this ontology (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the ontology (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: the protocol offers no way to change an existing ontology.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title needs more than spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the ontology…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontology — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this ontology? What you entered here will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyEditorWidget</name>
    <message>
        <source>Ontology structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The structure JSON this editor sends (Encord&apos;s &quot;editor&quot; format). Read-only: edit on the Structure tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontology editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an object: something annotators draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a classification: a question about a whole frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a radio attribute to the selected element; the arrow offers the other types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radio (one answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist (several answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an option to the selected radio or checklist attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected element with new ids and hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected element and what is under it (Undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected element up among its siblings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected element down among its siblings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the structure with one from a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the structure JSON to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(and %1 more to fix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 and %2 from %3. Undo brings back what was here before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the structure to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Ontology Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Ontology Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ontology-structure.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyListModel</name>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyPropertyForm</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Objects&lt;/b&gt; are what annotators draw: a box, a polygon, a point, a mask…&lt;/p&gt;&lt;p&gt;&lt;b&gt;Classifications&lt;/b&gt; are questions about a whole frame or file.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Attributes&lt;/b&gt; ask more about an object or a classification. Radio and checklist attributes offer &lt;b&gt;options&lt;/b&gt;; a radio option can ask further questions of its own.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an element to see its details.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Add elements with the buttons above, drag them to reorder, and select one to edit it here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One answer from a list of options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any number of answers from a list of options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A free text answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number (needs SDK 0.1.174 or later to read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDK %1 or later is needed to open an ontology with this shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators must label this object before submitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shape:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Weather</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators must answer this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A classification asks its first attribute&apos;s question; its options are the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic (the answer may change from frame to frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for attributes placed directly on an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the option is called in exported labels; it follows the label (lower case, spaces become underscores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontology structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id %1 · feature node hash %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyStructureModel</name>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::OntologyStructureReader</name>
    <message>
        <source>The file holds a JSON list, not an ontology structure. A structure is an object with &quot;objects&quot; and &quot;classifications&quot; lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an ontology structure that Encord can read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON: %1 at line %2, column %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::PasteKeyDialog</name>
    <message>
        <source>Paste a Private Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the whole private key, from &quot;-----BEGIN OPENSSH PRIVATE KEY-----&quot; to the END line. It is saved in a file only you can read; a passphrase, if the key has one, is asked each time you connect and is never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a key to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the key in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::PrivateKey</name>
    <message>
        <source>The key file %1 can be read by other users of this computer. Restrict it with: chmod 600 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProfilesDialog</name>
    <message>
        <source>Encord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encord %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local workspace on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From ENCORD_SSH_KEY_FILE or ENCORD_SSH_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encord address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and &amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encord (Europe) — https://api.encord.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encord (US) — https://api.us.encord.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another profile is already called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must be a web address such as https://api.encord.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder holds a workspace; it opens when you connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new workspace will be created in this folder when you connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1: your key is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the text of a private key; it is saved in a file only you can read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectBasicsPage</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the project; annotators see its title and description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectDatasetsPage</name>
    <message>
        <source>datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the datasets whose data the project annotates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading datasets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The datasets could not be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no datasets yet. Make one with New Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectDetails</name>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality assurance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark QA against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row to see its image and labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow (its stages are not listed by the server)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectDonePage</name>
    <message>
        <source>&amp;Show the project in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the project in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; was created.
ID: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectListModel</name>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality assurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual QA</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectOntologyPage</name>
    <message>
        <source>Use an &amp;existing ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an e&amp;mpty ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Ontology…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ontology says what annotators label: objects, classifications and their attributes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an existing ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an empty ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter ontologies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter ontologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ontology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ontology editor is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a new ontology in the ontology editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new, empty ontology</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what will be created, then press Create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creation was cancelled; nothing was changed. Press Create to try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ProjectWorkflowPage</name>
    <message>
        <source>&amp;Manual QA: reviewers check labels by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Benchmark QA: compare with source projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workflow template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how labels are checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow template ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading projects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projects could not be listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no projects to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one source project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the template&apos;s ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID has only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark QA against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow template %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::ResourcePane</name>
    <message>
        <source>Title contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::SaveConditionEditor</name>
    <message>
        <source>Save conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a save condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected save condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag of condition %1, by keyword or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of condition %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values of condition %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values separated by commas, e.g. CT, MR (any case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text the value must not contain, e.g. SECONDARY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition %1: &quot;%2&quot; is not a tag. Pick a keyword from the list or type a number such as 0008,0060.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition %1 has no value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::SkeletonEdgeModel</name>
    <message>
        <source>(missing keypoint %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::SkeletonKeypointModel</name>
    <message>
        <source>A fraction of the template&apos;s size, from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::SkeletonPreview</name>
    <message>
        <source>Skeleton preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keypoints yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::SkeletonTemplateDraft</name>
    <message>
        <source>Width and height must be above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one keypoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoint %1 needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two keypoints are called “%1”: give each its own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge %1 joins a keypoint the template does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge %1 joins “%2” to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” and “%2” are joined twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::SkeletonTemplateEditor</name>
    <message>
        <source>Skeleton template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected keypoint and its edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoints are placed in fractions of this size: X across, Y down from the top left corner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keypoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edges:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An edge joins two keypoints: add them first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join two keypoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every two keypoints are joined already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoint Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::StorageFolderTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::StorageItemListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::StoragePane</name>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search items in this folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview for this kind of item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No storage folders yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a folder to see its items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far; scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::StructureChecker</name>
    <message>
        <source>the structure needs an &quot;objects&quot; list (it may be empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the structure needs a &quot;classifications&quot; list (it may be empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;skeleton_templates&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a whole number of 1 or more, such as &quot;1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id %1 is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; must be numbers joined by dots, such as &quot;1.2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; does not start with its parent&apos;s id &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;featureNodeHash&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the feature node hash &quot;%1&quot; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;color&quot; must be a colour such as &quot;#D33115&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shape &quot;%1&quot; is not a shape of the format (bounding_box, polygon, point, skeleton, polyline, rotatable_bounding_box, bitmask, audio, text, cuboid, cuboid_2d, segmentation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a classification must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;level&quot; can only be &quot;global&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a classification needs at least one attribute (its question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an attribute must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attribute type &quot;%1&quot; is not radio, checklist, text or numeric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;required&quot; must be given as true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 attribute cannot have options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;options&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an option must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;value&quot; must be a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the options of a radio attribute can hold further attributes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::TitledColumns</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encord::UploadDialog</name>
    <message>
        <source>Uploading to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 into “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Files that had not been registered were not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uploaded, %2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Ontology structure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Encord Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse and set up Encord annotation projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the local workspace in DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with the saved profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no saved profile named &quot;%1&quot;.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the CVAT import with the export folder or .zip at PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
