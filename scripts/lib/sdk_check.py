"""Drives the seed operations of EncordUserClient through the official SDK against a running
encord-local-server. Invoked by scripts/sdk-check; prints one PASS/FAIL line per operation.

Usage: sdk_check.py DOMAIN PRIVATE_KEY_FILE INTEGRATION_TITLE [INTEGRATION_ROOT]

INTEGRATION_ROOT is the integration's folder; when it holds ct.dcm, DICOM de-identification
is checked on it.
"""
import sys
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
INTEGRATION_ROOT = sys.argv[4] if len(sys.argv) > 4 else None
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


def cvat_import():
    import os
    import tempfile
    from encord.utilities.client_utilities import LocalImport
    export = tempfile.mkdtemp()
    os.makedirs(os.path.join(export, "images"))
    with open(os.path.join(export, "images", "a.png"), "wb") as f:
        f.write(STATE.get("png", b"png"))
    with open(os.path.join(export, "annotations.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?><annotations><version>1.1</version>'
                '<meta><task><name>t</name></task></meta>'
                '<image id="0" name="a.png" width="1" height="1"></image></annotations>')
    return client.create_project_from_cvat(LocalImport(file_path=export), "cvat " + suffix)


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
check("create_project_from_cvat", cvat_import, expect_error=NOT_SUPPORTED)
check("get_dataset(missing)", lambda: client.get_dataset(str(uuid.uuid4())),
      expect_error=("ResourceNotFound",))

failed = 0
for name, ok, detail in RESULTS:
    failed += 0 if ok else 1
    print("%s %-28s %s" % ("PASS" if ok else "FAIL", name, detail))
print("sdk %s: %d passed, %d failed" % (SDK_VERSION, len(RESULTS) - failed, failed))
sys.exit(1 if failed else 0)
