"""Drives the seed operations of EncordUserClient through the official SDK against a running
encord-local-server. Invoked by scripts/sdk-check; prints one PASS/FAIL line per operation.

Usage: sdk_check.py DOMAIN PRIVATE_KEY_FILE INTEGRATION_TITLE [WORKSPACE_DATA_DIR [INTEGRATION_ROOT]]

WORKSPACE_DATA_DIR lets the CVAT checks read the stored label rows. INTEGRATION_ROOT is the
integration's folder; when it holds ct.dcm, DICOM de-identification is checked on it.
"""
import os
import shutil
import sys
import tempfile
import traceback
import uuid
import warnings

# Deprecated seed operations are exercised on purpose.
warnings.simplefilter("ignore", DeprecationWarning)

from encord.user_client import EncordUserClient
from encord.orm.dataset import StorageLocation

try:
    from encord.storage import StorageFolder as StorageFolderType
except ImportError:  # legacy trees without encord.storage
    StorageFolderType = object

try:
    from importlib.metadata import version
    SDK_VERSION = version("encord")
except Exception:  # pragma: no cover - reported, not fatal
    SDK_VERSION = "unknown"

DOMAIN, KEY_FILE, INTEGRATION_TITLE = sys.argv[1:4]
DATA_DIR = sys.argv[4] if len(sys.argv) > 4 else None
INTEGRATION_ROOT = sys.argv[5] if len(sys.argv) > 5 else None
RESULTS = []
STATE = {}


def check(name, fn, expect_error=None):
    """Runs fn; PASS when it returns without raising, or, with expect_error (a tuple of
    exception class name fragments), when it raises one of those."""
    try:
        detail = fn()
        if expect_error:
            RESULTS.append((name, False, "expected %s, got success" % expect_error))
        else:
            RESULTS.append((name, True, detail or ""))
    except Exception as e:  # noqa: BLE001 - every failure is reported
        if expect_error and any(part in type(e).__name__ for part in expect_error):
            RESULTS.append((name, True, "refused as expected: %s" % type(e).__name__))
        else:
            tb = traceback.format_exc().strip().splitlines()[-3:]
            RESULTS.append((name, False, "%s: %s | %s" % (type(e).__name__, e, " / ".join(tb))))


def need(condition, message):
    if not condition:
        raise AssertionError(message)


def has(name):
    return hasattr(EncordUserClient, name)


key_text = open(KEY_FILE).read()
client = EncordUserClient.create_with_ssh_private_key(key_text, domain=DOMAIN)
suffix = uuid.uuid4().hex[:6]


def create_dataset():
    r = client.create_dataset("SDK dataset " + suffix, StorageLocation.CORD_STORAGE, "made by sdk")
    STATE["dataset"] = r.dataset_hash
    need(r.dataset_hash, "no dataset hash")
    return r.dataset_hash


def get_dataset():
    d = client.get_dataset(STATE["dataset"])
    need(d.title == "SDK dataset " + suffix, "title %r" % d.title)
    return d.title


def get_datasets():
    rows = client.get_datasets(title_like="%dataset " + suffix)
    need(len(rows) == 1, "found %d" % len(rows))
    none = client.get_datasets(title_eq="no such dataset")
    need(len(none) == 0, "title_eq matched %d" % len(none))
    return "%d match" % len(rows)


def create_ontology():
    o = client.create_ontology("SDK ontology " + suffix, "ontology from sdk")
    STATE["ontology"] = o.ontology_hash
    return o.ontology_hash


def get_ontology():
    o = client.get_ontology(STATE["ontology"])
    need(o.title == "SDK ontology " + suffix, "title %r" % o.title)
    return o.title


def get_ontologies():
    rows = client.get_ontologies(title_eq="SDK ontology " + suffix)
    need(len(rows) == 1, "found %d" % len(rows))
    return "%d match" % len(rows)


def create_project():
    p = client.create_project("SDK project " + suffix, [STATE["dataset"]], "project from sdk",
                              ontology_hash=STATE["ontology"])
    STATE["project"] = p
    p2 = client.create_project("SDK project no ontology " + suffix, [STATE["dataset"]])
    STATE["project2"] = p2
    return p


def get_project():
    p = client.get_project(STATE["project"])
    need(p.title == "SDK project " + suffix, "title %r" % p.title)
    need(p.ontology_hash == STATE["ontology"], "ontology %r" % p.ontology_hash)
    p2 = client.get_project(STATE["project2"])
    need(p2.ontology_hash and p2.ontology_hash != STATE["ontology"], "no fresh ontology")
    return p.title


def get_projects():
    rows = client.get_projects(title_eq="SDK project " + suffix)
    need(len(rows) == 1, "found %d" % len(rows))
    return "%d match" % len(rows)


def dataset_api_keys():
    from encord.utilities.client_utilities import APIKeyScopes  # noqa: F401
    from encord.orm.dataset import DatasetScope
    k = client.create_dataset_api_key(STATE["dataset"], "k", [DatasetScope.READ])
    keys = client.get_dataset_api_keys(STATE["dataset"])
    need(any(x.api_key == k.api_key for x in keys), "created key not listed")
    again = client.get_or_create_dataset_api_key(STATE["dataset"])
    need(again.api_key == keys[0].api_key, "get_or_create gave another key")
    return "%d keys" % len(keys)


def project_api_keys():
    from encord.utilities.client_utilities import APIKeyScopes
    k = client.create_project_api_key(STATE["project"], "k", [APIKeyScopes.LABEL_READ])
    keys = client.get_project_api_keys(STATE["project"])
    need(any(x.api_key == k for x in keys), "created key not listed")
    again = client.get_or_create_project_api_key(STATE["project"])
    need(again == keys[0].api_key, "get_or_create gave another key")
    return "%d keys" % len(keys)


def get_cloud_integrations():
    rows = client.get_cloud_integrations()
    need(any(i.title == INTEGRATION_TITLE for i in rows), "integration missing: %r" % rows)
    return "%d integrations" % len(rows)


def create_storage_folder():
    f = client.create_storage_folder("SDK folder " + suffix, "folder from sdk",
                                     client_metadata={"k": 1})
    STATE["folder"] = f.uuid
    return str(f.uuid)


def get_storage_folder():
    f = client.get_storage_folder(STATE["folder"])
    need(f.name == "SDK folder " + suffix, "name %r" % f.name)
    return f.name


def list_storage_folders():
    rows = list(client.list_storage_folders(search=suffix))
    need(any(f.uuid == STATE["folder"] for f in rows), "folder not listed")
    return "%d folders" % len(rows)


def find_storage_folders():
    rows = list(client.find_storage_folders(search="SDK folder " + suffix))
    need(len(rows) == 1, "found %d" % len(rows))
    return "%d folders" % len(rows)


def upload_image():
    import os
    import tempfile
    folder = client.get_storage_folder(STATE["folder"])
    path = os.path.join(tempfile.mkdtemp(), "pixel.png")
    # A 1x1 PNG: the smallest file an image upload accepts.
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000154a24f5d00000000"
                        "49454e44ae426082")
    with open(path, "wb") as f:
        f.write(png)
    STATE["png"] = png
    item_uuid = folder.upload_image(path, title="pixel " + suffix + ".png")
    STATE["item"] = item_uuid
    return str(item_uuid)


UPLOAD_KINDS = (
    # (folder method, file name, item type the listing must give)
    ("upload_video", "clip.mp4", "video"),
    ("upload_audio", "voice.wav", "audio"),
    ("upload_nifti", "brain.nii.gz", "nifti"),
    ("upload_text", "notes.txt", "plain_text"),
    ("upload_pdf", "report.pdf", "pdf"),
)


def upload_every_kind():
    """Every single-file upload method of the folder this SDK has, into a folder of its own;
    the listing then gives each file with its kind."""
    import os
    import tempfile
    folder = client.create_storage_folder("SDK kinds " + suffix)
    work = tempfile.mkdtemp()
    expected = {}
    for method, name, kind in UPLOAD_KINDS:
        if not hasattr(folder, method):
            continue
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write((name + "\n").encode() * 64)
        getattr(folder, method)(path, title=name)
        expected[name] = kind
    need(expected, "this SDK has no upload method besides upload_image")
    listed = {item.name: item.item_type.value for item in folder.list_items()}
    need(set(listed) == set(expected), "listed %r, uploaded %r" % (listed, expected))
    for name, kind in expected.items():
        need(listed[name].replace("_", "").lower() == kind.replace("_", "").lower(),
             "%s listed as %s, not %s" % (name, listed[name], kind))
    return ", ".join(sorted(expected))


def list_items():
    folder = client.get_storage_folder(STATE["folder"])
    rows = list(folder.list_items())
    need(len(rows) == 1 and rows[0].uuid == STATE["item"], "items %r" % rows)
    return rows[0].name


def get_storage_item():
    import requests
    item = client.get_storage_item(STATE["item"], sign_url=True)
    need(item.get_signed_url(), "no signed url")
    body = requests.get(item.get_signed_url(), timeout=30)
    need(body.status_code == 200 and body.content == STATE["png"], "download %d" % body.status_code)
    need(item.mime_type == "image/png", "mime %r" % item.mime_type)
    return "%d bytes via signed URL" % len(body.content)


def find_storage_items():
    rows = list(client.find_storage_items(search="pixel " + suffix, get_signed_urls=True))
    need(len(rows) == 1 and rows[0].get_signed_url(), "found %r" % rows)
    return "%d items" % len(rows)


def create_private_dataset():
    r = client.create_private_dataset("SDK private " + suffix, StorageLocation.CORD_STORAGE)
    need(client.get_dataset(r.dataset_hash).title == "SDK private " + suffix, "title")
    return r.dataset_hash


def resource_clients():
    # Deprecated helpers; the current generation builds them locally (spec: no request).
    dataset_client = client.get_dataset_client(STATE["dataset"])
    project_client = client.get_project_client(STATE["project"])
    need(dataset_client is not None and project_client is not None, "no clients")
    return "built"


def folder_edits():
    parent = client.create_storage_folder("SDK parent " + suffix, "")
    folder = client.get_storage_folder(STATE["folder"])
    folder.update(name="SDK renamed " + suffix, client_metadata={"k": 2})
    folder.move_to_folder(parent)
    folder.refetch_data()
    need(folder.name == "SDK renamed " + suffix, "name %r" % folder.name)
    need(folder.parent_uuid == parent.uuid, "parent %r" % folder.parent_uuid)
    summary = parent.get_summary()
    need(summary.folders == 1, "summary %r" % summary)
    item = client.get_storage_item(STATE["item"])
    item.update(name="renamed.png")
    need(client.get_storage_item(STATE["item"]).name == "renamed.png", "item not renamed")
    parent.delete()
    try:
        client.get_storage_folder(STATE["folder"])
    except Exception as e:  # noqa: BLE001
        return "update, move, summary, item update, delete (then %s)" % type(e).__name__
    raise AssertionError("folder still there after delete")


def list_groups():
    groups = list(client.list_groups())
    need(any(g.name == "Annotators" for g in groups), "groups %r" % groups)
    return "%d groups" % len(groups)


def metadata_schema():
    import inspect
    takes_org = "organisation_id" in inspect.signature(client.get_client_metadata_schema).parameters
    if takes_org:
        client.set_client_metadata_schema_from_dict(1, {"split": "string"})
        schema = client.get_client_metadata_schema(1)
    else:
        client.set_client_metadata_schema_from_dict({"split": "string"})
        schema = client.get_client_metadata_schema()
    need(schema and "split" in schema, "schema %r" % schema)
    return "org-id route" if takes_org else "current route"


def dataset_rows():
    # Items uploaded into a dataset's backing folder are its data rows.
    dataset = client.get_dataset(STATE["dataset"])
    folder = client.get_storage_folder(dataset.backing_folder_uuid)
    import os
    import tempfile
    path = os.path.join(tempfile.mkdtemp(), "row.png")
    with open(path, "wb") as f:
        f.write(STATE["png"])
    folder.upload_image(path)
    rows = client.get_dataset(STATE["dataset"]).data_rows
    need(len(rows) == 1 and rows[0].title == "row.png", "rows %r" % rows)
    return "%d data row" % len(rows)


def integration_id():
    found = [i for i in client.get_cloud_integrations() if i.title == INTEGRATION_TITLE]
    need(len(found) == 1, "integration %r not listed" % INTEGRATION_TITLE)
    return str(found[0].id)


def deidentify():
    source = "file://%s/ct.dcm" % INTEGRATION_ROOT
    urls = client.deidentify_dicom_files([source], integration_id(), upload_dir="deid")
    need(len(urls) == 1 and "/deid/deid_" in urls[0] and urls[0].endswith("_ct.dcm"),
         "urls %r" % urls)
    return urls[0].rsplit("/", 1)[-1]


def deidentify_with_conditions():
    from encord.objects.common import (DeidentifyRedactTextMode,
                                       SaveDeidentifiedDicomConditionIn)
    source = "file://%s/ct.dcm" % INTEGRATION_ROOT
    kept = client.deidentify_dicom_files(
        [source], integration_id(), redact_pixels_mode=DeidentifyRedactTextMode.REDACT_ALL_TEXT,
        save_conditions=[SaveDeidentifiedDicomConditionIn(value=["ct"], dicom_tag="00080060")],
        upload_dir="deid-conditions")
    skipped = client.deidentify_dicom_files(
        [source], integration_id(),
        save_conditions=[SaveDeidentifiedDicomConditionIn(value=["mr"], dicom_tag="00080060")],
        upload_dir="deid-conditions")
    need(len(kept) == 1 and skipped == [], "kept %r, skipped %r" % (kept, skipped))
    return "IN(ct) saved, IN(mr) not"


def deidentify_outside_root():
    return client.deidentify_dicom_files(["file:///etc/passwd"], integration_id())


EVERY_SHAPE_XML = """<?xml version="1.0" encoding="utf-8"?>
<annotations><version>1.1</version><meta><task><name>every shape</name><labels>
<label><name>car</name><type>any</type><attributes>
<attribute><name>colour</name><mutable>False</mutable><input_type>select</input_type>
<default_value>red</default_value><values>red
blue</values></attribute>
<attribute><name>parked</name><input_type>checkbox</input_type>
<default_value>false</default_value><values>false</values></attribute>
<attribute><name>speed</name><input_type>number</input_type><default_value>0</default_value>
<values>0
100
1</values></attribute></attributes></label>
<label><name>weather</name><type>tag</type><attributes><attribute><name>kind</name>
<input_type>radio</input_type><default_value>sun</default_value><values>sun
rain</values></attribute></attributes></label>
<label><name>person</name><type>skeleton</type><svg>&lt;circle r="0.75" cx="20" cy="20"
 data-node-id="1" data-label-name="head"&gt;&lt;/circle&gt;&lt;circle r="0.75" cx="20" cy="60"
 data-node-id="2" data-label-name="foot"&gt;&lt;/circle&gt;&lt;line data-node-from="1"
 data-node-to="2"&gt;&lt;/line&gt;</svg></label>
<label><name>head</name><type>points</type><parent>person</parent></label>
<label><name>foot</name><type>points</type><parent>person</parent></label>
</labels></task></meta>
<image id="0" name="a.png" width="40" height="30">
<box label="car" xtl="1" ytl="2" xbr="20" ybr="12"><attribute name="colour">blue</attribute>
<attribute name="parked">true</attribute><attribute name="speed">42</attribute></box>
<box label="car" xtl="5" ytl="5" xbr="15" ybr="10" rotation="15"></box>
<polygon label="car" points="1,1;9,1;9,9"></polygon>
<polyline label="car" points="1,1;9,9"></polyline>
<points label="car" points="3,3;4,4"></points>
<ellipse label="car" cx="20" cy="15" rx="5" ry="3"></ellipse>
<mask label="car" rle="1, 4, 1" left="2" top="3" width="3" height="2"></mask>
<skeleton label="person"><points label="foot" points="10,25"></points>
<points label="head" points="10,5"></points></skeleton>
<tag label="weather"><attribute name="kind">rain</attribute></tag>
</image></annotations>
"""


def cvat_import_every_shape():
    """Every CVAT shape and a tag in one task export: the SDK must read back the ontology the
    server builds from it (nested options, checklists, skeleton templates, bitmasks)."""
    from encord.utilities.client_utilities import LocalImport
    export = tempfile.mkdtemp()
    os.makedirs(os.path.join(export, "images"))
    with open(os.path.join(export, "images", "a.png"), "wb") as f:
        f.write(b"placeholder")
    with open(os.path.join(export, "annotations.xml"), "w") as f:
        f.write(EVERY_SHAPE_XML)
    result = client.create_project_from_cvat(LocalImport(file_path=export),
                                             "cvat every shape " + suffix)
    need(type(result).__name__ == "CvatImporterSuccess", "result %r" % (result,))
    structure = client.get_project(result.project_hash).ontology_structure
    shapes = sorted(o.shape.value for o in structure.objects)
    need(shapes == ["bitmask", "bounding_box", "point", "polygon", "polyline",
                    "rotatable_bounding_box", "skeleton"], "shapes %r" % shapes)
    need(len(structure.classifications) == 1, "classifications %r" % structure.classifications)
    parsed = parse_label_rows(result.project_hash, structure)
    need(parsed == [(9, 1)], "objects and classifications per label row %r" % parsed)
    # The first box, 1,2 to 20,12 on a 40 x 30 image, with its colour answered "blue".
    box = STATE["label_row"].get_object_instances()[0]
    corner = box.get_annotations()[0].coordinates
    need(abs(corner.top_left_x - 1 / 40) < 1e-9 and abs(corner.height - 10 / 30) < 1e-9,
         "box %r" % (corner,))
    colour = next(a for a in box.ontology_item.attributes if a.name == "colour")
    need(box.get_answer(colour).label == "blue", "colour %r" % (box.get_answer(colour),))
    return "label rows %r, %d objects, %d classification, %d skeleton template(s)" % (
        parsed, len(structure.objects), len(structure.classifications),
        len(getattr(structure, "skeleton_templates", {}) or {}))


def parse_label_rows(project_hash, structure):
    """The server keeps label rows in Encord's label row JSON; the SDK's own LabelRowV2 must
    read them. The local server has no label-row routes yet, so the rows come straight from the
    workspace database (DATA_DIR argument) and are parsed offline."""
    import json
    import sqlite3
    from encord.objects.ontology_labels_impl import LabelRowV2
    if not DATA_DIR:
        raise AssertionError("no workspace folder given")
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(DATA_DIR, "workspace.sqlite"), uri=True)
    contents = [row[0] for row in db.execute(
        "SELECT content FROM label_rows WHERE project = ? ORDER BY rowid", (project_hash,))]
    db.close()

    class OntologyView:  # what LabelRowV2 reads of an Ontology
        def __init__(self, structure):
            self.structure = structure

    class NoMetadata:  # the listing metadata a label row would have been created from
        def __getattr__(self, name):
            return None

    counts = []
    for content in contents:
        label_row = LabelRowV2.__new__(LabelRowV2)
        label_row._ontology = OntologyView(structure)
        label_row._project_client = None
        label_row._label_row_read_only_data = NoMetadata()
        label_row.from_labels_dict(json.loads(content))
        counts.append((len(label_row.get_object_instances()),
                       len(label_row.get_classification_instances())))
        STATE["label_row"] = label_row
    return counts


SAMPLES = os.environ.get("ENCORD_SHARED_DIR",
                         os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))


def cvat_import(sample, expected_images, boxes_as_polygons=False):
    """Imports a shared CVAT sample the way a user would: a folder with annotations.xml and
    the images where the SDK looks for them (task: images/<name>; project: images/default/),
    placeholder bytes standing in for pixels. Then checks the project, its ontology and its
    dataset."""
    from encord.utilities.client_utilities import LocalImport
    source = os.path.join(SAMPLES, "samples", "cvat", sample)
    export = tempfile.mkdtemp()
    shutil.copy(os.path.join(source, "annotations.xml"), export)
    with open(os.path.join(source, "images.tsv")) as tsv:
        for line in tsv:
            if line.startswith("#") or not line.strip():
                continue
            relative = line.rstrip("\n").split("\t")[-1]
            target = os.path.join(export, "images", relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(b"placeholder " + relative.encode())
    name = "cvat %s%s %s" % (sample, " as polygons" if boxes_as_polygons else "", suffix)
    result = client.create_project_from_cvat(
        LocalImport(file_path=export), name,
        transform_bounding_boxes_to_polygons=boxes_as_polygons)
    need(type(result).__name__ == "CvatImporterSuccess", "result %r" % (result,))
    project = client.get_project(result.project_hash)
    shapes = sorted({(o.name, o.shape.value) for o in project.ontology_structure.objects})
    need(shapes, "empty ontology")
    if boxes_as_polygons:
        need(all(shape != "bounding_box" for _, shape in shapes), "boxes kept: %r" % shapes)
    datasets = client.get_datasets(title_eq=name)
    need(len(datasets) == 1, "datasets %r" % datasets)
    rows = client.get_dataset(datasets[0]["dataset"].dataset_hash).data_rows
    need(len(rows) == expected_images, "%d data rows" % len(rows))
    # The label-row routes: list_label_rows_v2 (v1 labelrowmetadata) and initialise_labels
    # (v1 labelrow with a list of hashes), read by the SDK's own parser.
    label_rows = project.list_label_rows_v2()
    need(len(label_rows) == expected_images, "%d label rows" % len(label_rows))
    need({r.data_hash for r in label_rows} == {r.uid for r in rows}, "label rows' data hashes")
    objects = 0
    for label_row in label_rows:
        label_row.initialise_labels()
        objects += len(label_row.get_object_instances())
    need(objects > 0, "no objects in the label rows")
    return "project %s, %d objects in the ontology, %d data rows, %d label rows with %d " \
        "objects, %d warnings" % (project.title, len(shapes), len(rows), len(label_rows),
                                  objects, len(result.issues.warnings))


check("create_dataset", create_dataset)
check("create_private_dataset", create_private_dataset)
check("get_dataset", get_dataset)
check("get_datasets", get_datasets)
check("create_ontology", create_ontology)
check("get_ontology", get_ontology)
check("get_ontologies", get_ontologies)
check("create_project", create_project)
check("get_project", get_project)
check("get_projects", get_projects)
if has("create_dataset_api_key"):
    check("dataset_api_keys", dataset_api_keys)
if has("create_project_api_key"):
    check("project_api_keys", project_api_keys)
check("get_cloud_integrations", get_cloud_integrations)
check("create_storage_folder", create_storage_folder)
check("get_storage_folder", get_storage_folder)
if has("list_storage_folders"):
    check("list_storage_folders", list_storage_folders)
if has("find_storage_folders"):
    check("find_storage_folders", find_storage_folders)
if hasattr(client.get_storage_folder(STATE["folder"]) if "folder" in STATE else None,
           "upload_image"):
    check("folder.upload_image", upload_image)
    check("folder.list_items", list_items)
    if hasattr(StorageFolderType, "upload_video"):
        check("folder.upload_video/audio/…", upload_every_kind)
if has("get_storage_item") and "item" in STATE:
    check("get_storage_item(sign_url)", get_storage_item)
if has("find_storage_items") and "item" in STATE:
    check("find_storage_items", find_storage_items)
if "item" in STATE:
    check("get_dataset(with data rows)", dataset_rows)
if "item" in STATE and hasattr(StorageFolderType, "move_to_folder"):
    check("folder/item update, move, delete", folder_edits)
if SDK_VERSION >= "0.1.147":
    check("get_dataset_client/get_project_client", resource_clients)
check("list_groups", list_groups)
check("client_metadata_schema", metadata_schema)
NOT_SUPPORTED = ("OperationNotAllowed", "InvalidArguments", "UnknownException")
if INTEGRATION_ROOT:
    check("deidentify_dicom_files", deidentify)
    # 0.1.152+ cannot build a save condition on Debian's pydantic 1 (spec §4.9).
    if SDK_VERSION < "0.1.152":
        check("deidentify_dicom_files(save_conditions)", deidentify_with_conditions)
    check("deidentify_dicom_files(outside root)", deidentify_outside_root,
          expect_error=("InvalidArguments", "UnknownException"))
check("create_project_from_cvat(task)",
      lambda: cvat_import("datumaro-export-task", 2))
check("create_project_from_cvat(task, polygons)",
      lambda: cvat_import("datumaro-export-task", 2, True))
check("create_project_from_cvat(every shape)", cvat_import_every_shape)
check("create_project_from_cvat(video as frames)",
      lambda: cvat_import("video-datumaro-task-step", 3))
check("create_project_from_cvat(project)",
      lambda: cvat_import("dagshub-project-skeleton", 4))
check("get_dataset(missing)", lambda: client.get_dataset(str(uuid.uuid4())),
      expect_error=("ResourceNotFound",))

failed = 0
for name, ok, detail in RESULTS:
    failed += 0 if ok else 1
    print("%s %-28s %s" % ("PASS" if ok else "FAIL", name, detail))
print("sdk %s: %d passed, %d failed" % (SDK_VERSION, len(RESULTS) - failed, failed))
sys.exit(1 if failed else 0)
