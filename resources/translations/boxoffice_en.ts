<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoxOffice::AccountsController</name>
    <message numerus="yes">
        <location filename="../../app/accountscontroller.cpp" line="+36"/>
        <source>%n account(s).</source>
        <translation>
            <numerusform>%n account.</numerusform>
            <numerusform>%n accounts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::AuditController</name>
    <message numerus="yes">
        <location filename="../../app/auditcontroller.cpp" line="+47"/>
        <source>%n entry(ies), newest first.</source>
        <translation>
            <numerusform>%n entry, newest first.</numerusform>
            <numerusform>%n entries, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Saved %n entry(ies) to %1.</source>
        <translation>
            <numerusform>Saved %n entry to %1.</numerusform>
            <numerusform>Saved %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::BookingWindow</name>
    <message numerus="yes">
        <location filename="../../ui/bookingwindow.cpp" line="+336"/>
        <source>%Ln person(s) ahead of you, %1 waiting in all</source>
        <translation>
            <numerusform>%Ln person ahead of you, %1 waiting in all</numerusform>
            <numerusform>%Ln people ahead of you, %1 waiting in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::ConcertModel</name>
    <message numerus="yes">
        <location filename="../../models/concertmodel.cpp" line="+107"/>
        <source>%n performance(s)</source>
        <translation>
            <numerusform>%n performance</numerusform>
            <numerusform>%n performances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::MyOrdersController</name>
    <message numerus="yes">
        <location filename="../../app/myorderscontroller.cpp" line="+88"/>
        <source>%n order(s).</source>
        <translation>
            <numerusform>%n order.</numerusform>
            <numerusform>%n orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n order(s) could not be read: %1</source>
        <translation>
            <numerusform>%n order could not be read: %1</numerusform>
            <numerusform>%n orders could not be read: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::NotForSaleView</name>
    <message numerus="yes">
        <location filename="../../ui/notforsaleview.cpp" line="+138"/>
        <source>%n seat(s) picked</source>
        <translation>
            <numerusform>%n seat picked</numerusform>
            <numerusform>%n seats picked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::OrderDetailWidget</name>
    <message numerus="yes">
        <location filename="../../ui/orderdetailwidget.cpp" line="+189"/>
        <source>Total: %1 for %n seat(s)</source>
        <translation>
            <numerusform>Total: %1 for %n seat</numerusform>
            <numerusform>Total: %1 for %n seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Refunded %1 for %n seat(s) on %2</source>
        <translation>
            <numerusform>Refunded %1 for %n seat on %2</numerusform>
            <numerusform>Refunded %1 for %n seats on %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refunded %1 for %n seat(s) on %2: %3</source>
        <translation>
            <numerusform>Refunded %1 for %n seat on %2: %3</numerusform>
            <numerusform>Refunded %1 for %n seats on %2: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::OrdersController</name>
    <message numerus="yes">
        <location filename="../../app/orderscontroller.cpp" line="+97"/>
        <source>The newest %n order(s).</source>
        <translation>
            <numerusform>The newest order.</numerusform>
            <numerusform>The newest %n orders.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The newest %n orders that match; type more to narrow it.</source>
        <translation>
            <numerusform>The newest order that matches; type more to narrow it.</numerusform>
            <numerusform>The newest %n orders that match; type more to narrow it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n order(s) match.</source>
        <translation>
            <numerusform>%n order matches.</numerusform>
            <numerusform>%n orders match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+74"/>
        <source>Refunded %1 for %n seat(s) of order %2.</source>
        <translation>
            <numerusform>Refunded %1 for %n seat of order %2.</numerusform>
            <numerusform>Refunded %1 for %n seats of order %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::QaController</name>
    <message numerus="yes">
        <location filename="../../app/qacontroller.cpp" line="+23"/>
        <source>%Ln simulated buyer(s) joined the queue. They never leave by themselves.</source>
        <translation>
            <numerusform>%Ln simulated buyer joined the queue. It never leaves by itself.</numerusform>
            <numerusform>%Ln simulated buyers joined the queue. They never leave by themselves.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n session(s) ended; the next waiters come in at the next tick.</source>
        <translation>
            <numerusform>%n session ended; the next waiter comes in at the next tick.</numerusform>
            <numerusform>%n sessions ended; the next waiters come in at the next tick.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::QueueDashboardModel</name>
    <message numerus="yes">
        <location filename="../../models/queuedashboardmodel.cpp" line="+131"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::RefundDialog</name>
    <message numerus="yes">
        <location filename="../../ui/refunddialog.cpp" line="+119"/>
        <source>To refund: %1 for %n seat(s)</source>
        <translation>
            <numerusform>To refund: %1 for %n seat</numerusform>
            <numerusform>To refund: %1 for %n seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Refund %1 for %n seat(s) of order %2?</source>
        <translation>
            <numerusform>Refund %1 for %n seat of order %2?</numerusform>
            <numerusform>Refund %1 for %n seats of order %2?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::SignInController</name>
    <message numerus="yes">
        <location filename="../../app/signincontroller.cpp" line="+222"/>
        <source>Signed out after %n minute(s) without use.</source>
        <translation>
            <numerusform>Signed out after %n minute without use.</numerusform>
            <numerusform>Signed out after %n minutes without use.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+79"/>
        <source>Too many failed sign-ins: this login is locked for %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins: this login is locked for %n second.</numerusform>
            <numerusform>Too many failed sign-ins: this login is locked for %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::StaffController</name>
    <message numerus="yes">
        <location filename="../../app/staffcontroller.cpp" line="+85"/>
        <source>Up to %n buyers at once.</source>
        <translation>
            <numerusform>Up to %n buyer at once.</numerusform>
            <numerusform>Up to %n buyers at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Admitted buyers now have %n second(s) each; sessions already running keep theirs.</source>
        <translation>
            <numerusform>Admitted buyers now have %n second each; sessions already running keep theirs.</numerusform>
            <numerusform>Admitted buyers now have %n seconds each; sessions already running keep theirs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoxOffice::StaffDashboard</name>
    <message numerus="yes">
        <location filename="../../ui/staffdashboard.cpp" line="+138"/>
        <source>Pause admissions to &quot;%1&quot;? Nobody new is let in until you resume; %Ln buyer(s) waiting stay in line.</source>
        <translation>
            <numerusform>Pause admissions to &quot;%1&quot;? Nobody new is let in until you resume; the %Ln buyer waiting stays in line.</numerusform>
            <numerusform>Pause admissions to &quot;%1&quot;? Nobody new is let in until you resume; %Ln buyers waiting stay in line.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+204"/>
        <source>%n hold(s) on this performance.</source>
        <translation>
            <numerusform>%n hold on this performance.</numerusform>
            <numerusform>%n holds on this performance.</numerusform>
        </translation>
    </message>
</context>
</TS>
