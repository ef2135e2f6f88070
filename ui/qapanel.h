#pragma once

#include "domain/queuestats.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace BoxOffice {

class ConcertModel;

// QA tools: start the crowd simulator on a concert and watch its queue move, expire
// active sessions, read the raw live-channel frames (filterable, pausable), and point
// the client at another server. Each logged frame names its channel. Shows what it is
// given; emits intent.
class QaPanel : public QWidget
{
    Q_OBJECT
public:
    explicit QaPanel(ConcertModel *concerts, QWidget *parent = nullptr);

    QString selectedConcert() const;
    void setServer(const QString &url);
    static constexpr int MaxFrames = 5000;
    // The frames shown under the current filter (for tests).
    QStringList visibleFrames() const;

public Q_SLOTS:
    void showStats(const QueueStats &stats);
    // source: the channel's name ("QA", "booking"); direction: '>' sent, '<' received.
    void appendFrame(const QString &source, QChar direction, const QString &text);
    void showMessage(const QString &text);

Q_SIGNALS:
    void concertSelected(const QString &concertId);
    void crowdRequested(const QString &concertId, int count);
    void expireRequested(const QString &concertId, int count);
    void serverRequested(const QString &url);

private:
    void refilter();
    bool matches(const QString &line) const;

    QComboBox *m_concert;
    QSpinBox *m_crowd, *m_expire;
    QLabel *m_stats, *m_message;
    QLineEdit *m_filter, *m_server;
    QCheckBox *m_pause;
    QPlainTextEdit *m_log;
    QStringList m_frames;
};

} // namespace BoxOffice
