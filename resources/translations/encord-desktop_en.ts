<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>Encord::ConnectionProfile</name>
    <message>
        <source>Local workspace</source>
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
        <source>Workflow with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual QA</source>
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
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
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
</context>
</TS>
