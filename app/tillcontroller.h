#pragma once

#include "app/apierror.h"
#include "domain/cashsession.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace BoxOffice {

class ApiClient;
class TillView;

// The till window's presenter: on opening, resumes the caller's open till
// (GET …/cash-sessions/current) or offers to open one; opens with a float, adds paid in
// and paid out, re-reads the X report while open (every few seconds: counter sales and
// refunds land in it), closes with the cash counted and shows the Z report, which it
// writes as a PDF on the thread pool (or prints). A 409 is said plainly.
class TillController : public QObject
{
    Q_OBJECT
public:
    // timeZone: the venue's, for the times; kiosk: no file or print dialogs, the PDF goes
    // to `reportsDirectory`.
    TillController(ApiClient *api, const QString &timeZone, bool kiosk, const QString &reportsDirectory,
                   QObject *parent = nullptr);
    ~TillController() override;

    TillView *view() const { return m_view.get(); }
    const std::optional<CashSession> &session() const { return m_session; }
    void setRefreshInterval(std::chrono::milliseconds interval) { m_poll.setInterval(interval); }
    void start();
    void refresh();
    void open(const Money &openingFloat);
    void addMovement(CashMovement::Kind kind, const Money &amount, const QString &reason);
    void close(const Money &countedCash);
    // The report shown (the Z report once closed) as a PDF; reportSaved tells.
    void savePdf(const QString &fileName);
    void print();

Q_SIGNALS:
    void sessionChanged();
    void reportSaved(const QString &fileName, const QString &error);

private:
    void show(const CashSession &session);
    void failed(const ApiError &error, const QString &conflict);

    ApiClient *m_api;
    QString m_timeZone;
    bool m_kiosk;
    QString m_reportsDirectory;
    std::unique_ptr<TillView> m_view;
    std::optional<CashSession> m_session;
    QTimer m_poll;
    bool m_reading = false;
};

} // namespace BoxOffice
