// encord-local-server: the local workspace server as a command-line program.

#include "auth/publickey.h"
#include "integrationstore.h"
#include "localserver.h"
#include "requesterror.h"
#include "rolestore.h"
#include "sqlitedatabase.h"
#include "sqlitetransaction.h"
#include "timeformat.h"
#include "userstore.h"
#include "workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSaveFile>
#include <QTextStream>
#include <QUuid>

#include <csignal>
#include <exception>
#include <pthread.h>

using namespace Encord::Server;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << "encord-local-server: " << message << Qt::endl;
    return 1;
}

QCommandLineOption dataOption()
{
    return {QStringLiteral("data"),
            QStringLiteral("The workspace data folder (created if missing)."),
            QStringLiteral("DIR")};
}

// Parses the command's own arguments; exits on --help or a parse error.
void parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description)
{
    parser.setApplicationDescription(description);
    // Names the command on the "Usage:" line of its --help.
    const QString command = arguments.value(0).section(QLatin1Char(' '), -1);
    parser.addPositionalArgument(command, QStringLiteral("This command."), command);
    parser.addHelpOption();
    parser.process(arguments);
}

std::unique_ptr<Workspace> openWorkspace(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(QStringLiteral("data"))) {
        *error = QStringLiteral("--data is required");
        return nullptr;
    }
    return Workspace::open(parser.value(QStringLiteral("data")), error);
}

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address and port to listen on (default 127.0.0.1:0, port 0 "
                                     "= any free port). Non-loopback addresses expose the "
                                     "workspace to the network."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("port-file"),
                      QStringLiteral("Write the bound port to this file once listening."),
                      QStringLiteral("FILE")});
    parse(
        parser, arguments, QStringLiteral("Serve a workspace over HTTP until SIGINT or SIGTERM."));
    if (!parser.isSet(QStringLiteral("data")))
        return fail(QStringLiteral("--data is required"));

    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    if (parser.isSet(QStringLiteral("listen"))) {
        const QString listen = parser.value(QStringLiteral("listen"));
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool ok = colon > 0;
        if (ok)
            port = listen.mid(colon + 1).toInt(&ok);
        host = listen.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (!ok || port < 0 || port > 65535 || QHostAddress(host).isNull())
            return fail(QStringLiteral("--listen expects HOST:PORT with a numeric address"));
        if (!QHostAddress(host).isLoopback()) {
            err() << "warning: listening on " << host
                  << " makes the workspace reachable from the network over plain HTTP" << Qt::endl;
        }
    }

    // Block the stop signals in every thread (the workers inherit the mask) and wait for
    // them here, so that shutdown runs in ordinary code rather than in a signal handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    LocalServer server(parser.value(QStringLiteral("data")));
    if (!server.start(host, port))
        return fail(server.errorString());
    out() << "listening on " << server.baseUrl() << Qt::endl;
    out() << "port " << server.port() << Qt::endl;
    if (parser.isSet(QStringLiteral("port-file"))) {
        QSaveFile file(parser.value(QStringLiteral("port-file")));
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QByteArray::number(server.port()) + '\n') < 0 || !file.commit()) {
            server.stop();
            return fail(QStringLiteral("cannot write the port file"));
        }
    }

    int received = 0;
    sigwait(&signals, &received);
    out() << "stopping" << Qt::endl;
    server.stop();
    return 0;
}

int addUser(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption(
        {QStringLiteral("email"), QStringLiteral("The user's e-mail."), QStringLiteral("EMAIL")});
    parser.addOption({QStringLiteral("public-key"),
                      QStringLiteral("The user's OpenSSH public key file (ssh-ed25519 …)."),
                      QStringLiteral("FILE.pub")});
    parser.addOption({QStringLiteral("org-admin"),
                      QStringLiteral("Make the user an organisation admin (sees everything).")});
    parse(parser, arguments, QStringLiteral("Register a user and their Ed25519 public key."));

    const QString email = parser.value(QStringLiteral("email")).trimmed();
    if (email.isEmpty() || !email.contains(QLatin1Char('@')))
        return fail(QStringLiteral("--email expects an e-mail address"));
    QFile keyFile(parser.value(QStringLiteral("public-key")));
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the public key file"));
    const std::optional<Encord::PublicKey> key =
        Encord::PublicKey::fromOpenSshLine(keyFile.readAll().trimmed());
    if (!key)
        return fail(QStringLiteral("the public key file is not a one-line ssh-ed25519 key"));

    QString error;
    const std::unique_ptr<Workspace> workspace = openWorkspace(parser, &error);
    if (!workspace)
        return fail(error);
    try {
        const UserRecord user = UserStore(workspace->database())
                                    .add(email, *key, parser.isSet(QStringLiteral("org-admin")));
        out() << "added " << user.email << (user.orgAdmin ? " (organisation admin)" : "")
              << Qt::endl;
    } catch (const RequestError &e) {
        return fail(e.message());
    }
    return 0;
}

int addIntegration(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption({QStringLiteral("title"),
                      QStringLiteral("The integration's title."),
                      QStringLiteral("TITLE")});
    parser.addOption({QStringLiteral("root"),
                      QStringLiteral("The folder whose files (file:// URLs) it can reach."),
                      QStringLiteral("FOLDER")});
    parse(parser, arguments, QStringLiteral("Add a local-folder cloud integration."));

    QString error;
    const std::unique_ptr<Workspace> workspace = openWorkspace(parser, &error);
    if (!workspace)
        return fail(error);
    try {
        const IntegrationRecord integration =
            IntegrationStore(workspace->database())
                .add(parser.value(QStringLiteral("title")), parser.value(QStringLiteral("root")));
        out() << "added integration " << integration.uuid << " for " << integration.root
              << Qt::endl;
    } catch (const RequestError &e) {
        return fail(e.message());
    }
    return 0;
}

int grant(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption({QStringLiteral("email"),
                      QStringLiteral("The user receiving the role."),
                      QStringLiteral("EMAIL")});
    const std::pair<const char *, ResourceKind> kinds[] = {{"dataset", ResourceKind::Dataset},
                                                           {"project", ResourceKind::Project},
                                                           {"ontology", ResourceKind::Ontology},
                                                           {"folder", ResourceKind::Folder}};
    for (const auto &[name, kind] : kinds) {
        Q_UNUSED(kind)
        parser.addOption({QLatin1String(name),
                          QStringLiteral("The %1 (hash or uuid).").arg(QLatin1String(name)),
                          QStringLiteral("ID")});
    }
    parser.addOption({QStringLiteral("role"),
                      QStringLiteral("admin or user; for projects admin, annotator, reviewer, "
                                     "annotator-reviewer or team-manager."),
                      QStringLiteral("ROLE")});
    parse(parser,
          arguments,
          QStringLiteral("Give a user a role on a dataset, project, ontology or folder."));

    std::optional<ResourceKind> kind;
    QString resource;
    for (const auto &[name, candidate] : kinds) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        if (kind)
            return fail(QStringLiteral("name exactly one of --dataset, --project, --ontology, "
                                       "--folder"));
        kind = candidate;
        resource = parser.value(QLatin1String(name));
    }
    if (!kind)
        return fail(QStringLiteral("name one of --dataset, --project, --ontology, --folder"));
    const std::optional<int> role =
        RoleStore::roleFromName(*kind, parser.value(QStringLiteral("role")));
    if (!role)
        return fail(QStringLiteral("unknown role for a %1").arg(RoleStore::kindName(*kind)));

    QString error;
    const std::unique_ptr<Workspace> workspace = openWorkspace(parser, &error);
    if (!workspace)
        return fail(error);
    SqliteDatabase &db = workspace->database();
    SqliteTransaction transaction(db);
    const std::optional<UserRecord> user =
        UserStore(db).byEmail(parser.value(QStringLiteral("email")));
    if (!user)
        return fail(QStringLiteral("no such user"));
    RoleStore roles(db);
    if (!roles.exists(*kind, resource))
        return fail(QStringLiteral("no such %1").arg(RoleStore::kindName(*kind)));
    roles.grant(*kind, resource, user->id, *role);
    transaction.commit();
    out() << "granted " << parser.value(QStringLiteral("role")) << " on "
          << RoleStore::kindName(*kind) << ' ' << resource << " to " << user->email << Qt::endl;
    return 0;
}

int addGroup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption(
        {QStringLiteral("name"), QStringLiteral("The group's name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("description"),
                      QStringLiteral("What the group is for."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("member"),
                      QStringLiteral("A member's e-mail (repeat for several)."),
                      QStringLiteral("EMAIL")});
    parse(parser, arguments, QStringLiteral("Add a group of users to the organisation."));
    const QString name = parser.value(QStringLiteral("name")).trimmed();
    if (name.isEmpty())
        return fail(QStringLiteral("--name is required"));

    QString error;
    const std::unique_ptr<Workspace> workspace = openWorkspace(parser, &error);
    if (!workspace)
        return fail(error);
    SqliteDatabase &db = workspace->database();
    SqliteTransaction transaction(db);
    const QString hash = QUuid::createUuid().toString(QUuid::WithoutBraces);
    db.exec(QStringLiteral("INSERT INTO groups (hash, name, description, created_at) "
                           "VALUES (?,?,?,?)"),
            {hash, name, parser.value(QStringLiteral("description")), TimeFormat::nowMs()});
    UserStore users(db);
    for (const QString &email : parser.values(QStringLiteral("member"))) {
        const std::optional<UserRecord> user = users.byEmail(email);
        if (!user)
            return fail(QStringLiteral("no such user: %1").arg(email));
        db.exec(QStringLiteral("INSERT OR IGNORE INTO group_members (group_hash, user_id) "
                               "VALUES (?,?)"),
                {hash, user->id});
    }
    transaction.commit();
    out() << "added group " << hash << Qt::endl;
    return 0;
}

void printUsage()
{
    out() << "Usage: encord-local-server COMMAND [options]\n\n"
             "Commands:\n"
             "  serve            serve a workspace (--data DIR [--listen HOST:PORT] "
             "[--port-file FILE])\n"
             "  add-user         register a user (--data DIR --email EMAIL --public-key FILE.pub "
             "[--org-admin])\n"
             "  add-integration  add a local-folder integration (--data DIR --title TITLE "
             "--root FOLDER)\n"
             "  grant            give a user a role (--data DIR --email EMAIL --dataset|--project|"
             "--ontology|--folder ID --role ROLE)\n"
             "  add-group        add a group (--data DIR --name NAME [--description TEXT] "
             "[--member EMAIL]...)\n\n"
             "Run encord-local-server COMMAND --help for a command's options.\n";
    out().flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("encord-local-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENCORD_VERSION_STRING));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage();
        return 2;
    }
    const QString command = arguments.takeAt(1);
    arguments[0] = command; // what parse() shows as the command; the parser skips it
    try {
        if (command == QLatin1String("serve"))
            return serve(arguments);
        if (command == QLatin1String("add-user"))
            return addUser(arguments);
        if (command == QLatin1String("add-integration"))
            return addIntegration(arguments);
        if (command == QLatin1String("grant"))
            return grant(arguments);
        if (command == QLatin1String("add-group"))
            return addGroup(arguments);
    } catch (const std::exception &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        printUsage();
        return 0;
    }
    printUsage();
    return 2;
}
