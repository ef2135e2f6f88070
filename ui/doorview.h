#pragma once

#include "domain/checkin.h"

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;

namespace BoxOffice {

// The door: a big field that takes a barcode scanner's input (a keyboard wedge types
// the ticket's secret and presses Enter) or a typed code, and a big answer readable
// from a distance: green with a tick and the seat for a valid ticket, red with a cross
// and the reason otherwise (colour, symbol and words, never colour alone). The field
// clears and keeps the focus for the next scan. Counts of admitted and refused for the
// chosen performance, and the last scans. Shows what it is given; emits intent.
class DoorView : public QWidget
{
    Q_OBJECT
public:
    struct Performance
    {
        QString id;
        QString text;      // what the list shows: concert, date and time
        QString timeZone;  // the venue's: times are said in it
    };

    explicit DoorView(QWidget *parent = nullptr);

    void setPerformances(const QList<Performance> &performances, const QString &current = {});
    QString performanceId() const;
    // The answer on the panel now: none, checking, admitted, refused, or not checked.
    enum class Answer { None, Checking, Admitted, Refused, NotChecked };
    Answer answer() const { return m_answer; }
    QString answerTitle() const;
    QString answerDetail() const;

public Q_SLOTS:
    void showChecking(const QString &secret);
    // onPanel false: an answer to a scan older than the one on the panel (the list only).
    void showVerdict(const QString &secret, const BoxOffice::CheckIn &verdict, bool onPanel = true);
    // The scan could not be checked (no answer, refused credential): say so, count nothing.
    void showNotChecked(const QString &secret, const QString &message, bool onPanel = true);
    void setCounts(int admitted, int refused);

Q_SIGNALS:
    void scanned(const QString &secret, const QString &performanceId);
    void performanceChanged(const QString &performanceId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void submit();
    void setPanel(Answer answer, const QString &symbol, const QString &title, const QString &detail);
    void addRecent(const QString &symbol, const QString &text);
    QString reasonText(const CheckIn &verdict) const;
    QString timeZone() const;

    QComboBox *m_performance;
    QLineEdit *m_scan;
    QFrame *m_panel;
    QLabel *m_symbol, *m_title, *m_detail, *m_counts;
    QListWidget *m_recent;
    QList<Performance> m_performances;
    Answer m_answer = Answer::None;
};

} // namespace BoxOffice
