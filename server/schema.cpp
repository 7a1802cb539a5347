#include "schema.h"

#include "serverlogging.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"

#include <QStringList>

#include <stdexcept>

namespace Encord::Server {

namespace {

// Append-only: a released migration never changes, a new one is added at the end.
const QStringList &migrations()
{
    static const QStringList list = {
        // 1: users, roles, datasets, ontologies, projects, keys, integrations, storage.
        QStringLiteral(R"sql(
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    public_key_hex TEXT NOT NULL UNIQUE,
    org_admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
-- One row per (resource, user): role values are the SDK's integer enums per kind.
CREATE TABLE roles (
    kind TEXT NOT NULL CHECK (kind IN ('dataset', 'project', 'ontology', 'folder')),
    resource TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role INTEGER NOT NULL,
    PRIMARY KEY (kind, resource, user_id)
);
CREATE INDEX roles_by_user ON roles(user_id, kind);
CREATE TABLE storage_folders (
    uuid TEXT PRIMARY KEY,
    parent TEXT REFERENCES storage_folders(uuid) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    client_metadata TEXT,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    last_edited_at INTEGER NOT NULL
);
CREATE INDEX folders_by_parent ON storage_folders(parent);
CREATE TABLE datasets (
    hash TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    storage_type INTEGER NOT NULL DEFAULT 0,
    backing_folder TEXT REFERENCES storage_folders(uuid) ON DELETE SET NULL,
    creator_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    last_edited_at INTEGER NOT NULL
);
CREATE TABLE cloud_integrations (
    uuid TEXT PRIMARY KEY,
    title TEXT NOT NULL UNIQUE,
    root TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE storage_items (
    uuid TEXT PRIMARY KEY,
    folder TEXT NOT NULL REFERENCES storage_folders(uuid) ON DELETE CASCADE,
    item_type TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    client_metadata TEXT NOT NULL DEFAULT '{}',
    owner_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    last_edited_at INTEGER NOT NULL,
    is_placeholder INTEGER NOT NULL DEFAULT 0,
    integration TEXT REFERENCES cloud_integrations(uuid),
    url TEXT,
    blob_sha256 TEXT,
    file_size INTEGER,
    mime_type TEXT,
    width INTEGER,
    height INTEGER
);
CREATE INDEX items_by_folder ON storage_items(folder);
CREATE TABLE data_rows (
    hash TEXT PRIMARY KEY,
    dataset TEXT NOT NULL REFERENCES datasets(hash) ON DELETE CASCADE,
    item TEXT REFERENCES storage_items(uuid) ON DELETE SET NULL,
    title TEXT NOT NULL,
    data_type TEXT NOT NULL,
    file_link TEXT,
    file_size INTEGER,
    file_type TEXT,
    width INTEGER,
    height INTEGER,
    client_metadata TEXT,
    created_at INTEGER NOT NULL,
    last_edited_at INTEGER NOT NULL
);
CREATE INDEX rows_by_dataset ON data_rows(dataset);
CREATE TABLE ontologies (
    hash TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    editor TEXT NOT NULL,
    creator_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    last_edited_at INTEGER NOT NULL
);
CREATE TABLE projects (
    hash TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    ontology TEXT NOT NULL REFERENCES ontologies(hash),
    workflow_type TEXT NOT NULL DEFAULT 'manual',
    workflow_template_id TEXT,
    workflow_manager_uuid TEXT,
    status TEXT NOT NULL DEFAULT 'notStarted',
    creator_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    last_edited_at INTEGER NOT NULL
);
CREATE TABLE project_datasets (
    project TEXT NOT NULL REFERENCES projects(hash) ON DELETE CASCADE,
    dataset TEXT NOT NULL REFERENCES datasets(hash) ON DELETE CASCADE,
    PRIMARY KEY (project, dataset)
);
CREATE TABLE project_sources (
    project TEXT NOT NULL REFERENCES projects(hash) ON DELETE CASCADE,
    source TEXT NOT NULL REFERENCES projects(hash),
    position INTEGER NOT NULL,
    PRIMARY KEY (project, source)
);
CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY,
    api_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('dataset', 'project')),
    resource TEXT NOT NULL,
    title TEXT NOT NULL,
    scopes TEXT NOT NULL,
    creator_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX keys_by_resource ON api_keys(kind, resource);
-- Blobs received through signed upload URLs, by the object key the URL was issued for.
CREATE TABLE uploads (
    object_key TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    item_uuid TEXT NOT NULL UNIQUE,
    expires_at INTEGER NOT NULL,
    sha256 TEXT,
    size INTEGER,
    content_type TEXT,
    created_at INTEGER NOT NULL,
    completed_at INTEGER
);
-- Data upload jobs into folders; processed at once, their final state kept for polling.
CREATE TABLE upload_jobs (
    uuid TEXT PRIMARY KEY,
    folder TEXT NOT NULL REFERENCES storage_folders(uuid) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE groups (
    hash TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE TABLE group_members (
    group_hash TEXT NOT NULL REFERENCES groups(hash) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_hash, user_id)
);
-- The organisation's single client metadata schema.
CREATE TABLE metadata_schema (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL,
    schema TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
)sql"),
        // 2: indexes for large workspaces. Every folder answer names the dataset it backs
        // (a lookup by backing_folder), and listings sort datasets by creation.
        QStringLiteral(R"sql(
CREATE INDEX datasets_by_backing_folder ON datasets(backing_folder);
CREATE INDEX datasets_by_created ON datasets(created_at);
CREATE INDEX projects_by_created ON projects(created_at);
CREATE INDEX ontologies_by_created ON ontologies(created_at);
CREATE INDEX folders_by_created ON storage_folders(created_at);
CREATE INDEX items_by_folder_created ON storage_items(folder, created_at);
)sql"),
        // 3: CVAT imports. The label rows of projects, each the Encord label row JSON of one
        // data row, and the final state of import jobs for their long-poll.
        QStringLiteral(R"sql(
CREATE TABLE label_rows (
    hash TEXT PRIMARY KEY,
    project TEXT NOT NULL REFERENCES projects(hash) ON DELETE CASCADE,
    data_hash TEXT NOT NULL REFERENCES data_rows(hash) ON DELETE CASCADE,
    status TEXT NOT NULL,
    object_count INTEGER NOT NULL,
    classification_count INTEGER NOT NULL,
    content TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_edited_at INTEGER NOT NULL,
    UNIQUE (project, data_hash)
);
CREATE TABLE cvat_import_jobs (
    uuid TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
)sql"),
    };
    return list;
}

} // namespace

int Schema::currentVersion()
{
    return int(migrations().size());
}

void Schema::migrate(SqliteDatabase &db)
{
    const int target = currentVersion();
    for (;;) {
        SqliteTransaction transaction(db);
        // Read inside the write transaction: two processes starting at once migrate once.
        const int version = int(db.scalar(QStringLiteral("PRAGMA user_version")));
        if (version > target)
            throw std::runtime_error("the workspace database was written by a newer version");
        if (version == target)
            return;
        qCInfo(lcServerDb) << "migrating workspace database to version" << version + 1;
        db.exec(migrations().at(version));
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1));
        transaction.commit();
    }
}

} // namespace Encord::Server
