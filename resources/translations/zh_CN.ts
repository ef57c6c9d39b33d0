<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../ui/help_menu.py" line="167" />
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="168" />
            <source>Version {version}</source>
            <translation>版本 {version}</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="173" />
            <source>The ledger of signed investment deals: their progress from signing to production, warnings against 一签了之, and the review reports.</source>
            <translation>招商引资签约项目台账：从签约到投产全程跟踪，预警“一签了之”，生成督查考核报表。</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="188" />
            <source>This ledger:</source>
            <translation>当前台账：</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="189" />
            <source>Data folder:</source>
            <translation>数据文件夹：</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="190" />
            <source>Log folder:</source>
            <translation>日志文件夹：</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="201" />
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
    </context>
    <context>
        <name>AsOfBar</name>
        <message>
            <location filename="../../ui/warnings_view.py" line="64" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="66" />
            <source>As of</source>
            <translation>统计截至</translation>
        </message>
    </context>
    <context>
        <name>AuditTab</name>
        <message>
            <location filename="../../ui/editor_audit.py" line="107" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="108" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="109" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="110" />
            <source>Record</source>
            <translation>对象</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="111" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="112" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="113" />
            <source>Old value</source>
            <translation>原值</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="114" />
            <source>New value</source>
            <translation>新值</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="118" />
            <source>Change history</source>
            <translation>变更记录</translation>
        </message>
        <message>
            <location filename="../../ui/editor_audit.py" line="133" />
            <source>By hand</source>
            <translation>手工</translation>
        </message>
    </context>
    <context>
        <name>BasicTab</name>
        <message>
            <location filename="../../ui/editor_basic.py" line="122" />
            <location filename="../../ui/editor_basic.py" line="126" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/editor_basic.py" line="131" />
            <source>Status date</source>
            <translation>状态日期</translation>
        </message>
        <message>
            <location filename="../../ui/editor_basic.py" line="134" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/editor_basic.py" line="135" />
            <source>&amp;Terminate…</source>
            <translation>终止项目(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../ui/editor_basic.py" line="138" />
            <source>Re&amp;open</source>
            <translation>恢复正常(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/editor_basic.py" line="146" />
            <source>Status:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <location filename="../../ui/editor_basic.py" line="147" />
            <source>Date:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <location filename="../../ui/editor_basic.py" line="148" />
            <source>Reason:</source>
            <translation>原因：</translation>
        </message>
    </context>
    <context>
        <name>BatchModel</name>
        <message>
            <location filename="../../ui/import_history.py" line="65" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="66" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="67" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="68" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="69" />
            <source>Sheets</source>
            <translation>工作表</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="70" />
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="71" />
            <source>Updated</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="72" />
            <source>Filled in</source>
            <translation>补全</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="73" />
            <source>Projects with conflicts</source>
            <translation>冲突项目</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="74" />
            <source>Rejected</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="75" />
            <source>Figures as of</source>
            <translation>统计截至</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="76" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="88" />
            <source>Undone {time}</source>
            <translation>已于 {time} 撤销</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="89" />
            <source>Can be undone</source>
            <translation>可撤销</translation>
        </message>
    </context>
    <context>
        <name>CollectionDialog</name>
        <message>
            <location filename="../../ui/collection_dialog.py" line="64" />
            <source>Progress collection</source>
            <translation>进度收集</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="72" />
            <source>Collection round</source>
            <translation>收集轮次</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="74" />
            <source>&amp;New round…</source>
            <translation>新建一轮(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="78" />
            <source>Open &amp;folder</source>
            <translation>打开文件夹(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="81" />
            <source>&amp;Round:</source>
            <translation>轮次(&amp;R)：</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="87" />
            <location filename="../../ui/collection_dialog.py" line="313" />
            <source>Returned files</source>
            <translation>报回的文件</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="88" />
            <source>Who has reported</source>
            <translation>报送情况</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="114" />
            <source>Drop the returned workbooks here (or choose them with Read files…). Nothing is written until you press Write. Projects with a check are unticked: tick them after checking.</source>
            <translation>把各单位报回的填报表拖到这里（或点“读入报表…”选择）。点“写入台账”之前不会写入任何内容。有疑点的项目默认不勾选，核对后再勾选。</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="123" />
            <source>Changes the returned files bring</source>
            <translation>报回文件带来的改动</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="126" />
            <source>&amp;Read files…</source>
            <translation>读入报表(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="129" />
            <source>&amp;Write to the ledger</source>
            <translation>写入台账(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="150" />
            <source>&amp;Copy the reminder</source>
            <translation>复制催报文字(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="154" />
            <source>&amp;Print the status…</source>
            <translation>打印报送情况(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="184" />
            <source>, return by {date}</source>
            <translation>，{date} 前报回</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="187" />
            <source>Round {id}: figures as of {as_of}{deadline} — {count} {by}</source>
            <translation>第 {id} 轮：统计截至 {as_of}{deadline}，共 {count} 个{by}</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="199" />
            <source>No round yet: make one with New round…</source>
            <translation>还没有收集轮次：请点“新建一轮…”。</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="204" />
            <source>Reading the rounds</source>
            <translation>正在读取收集轮次</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="231" />
            <source>Reading who has reported</source>
            <translation>正在读取报送情况</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="247" />
            <source>Progress reports, round {id} (figures as of {as_of})</source>
            <translation>第 {id} 轮项目进度报送情况（统计截至 {as_of}）</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="276" />
            <source>Reading the units</source>
            <translation>正在读取单位</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="297" />
            <source>Making the workbooks</source>
            <translation>正在生成填报表</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="311" />
            <source>Returned workbooks</source>
            <translation>报回的填报表</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="326" />
            <source>Reading the returned files</source>
            <translation>正在读取报回的文件</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="350" />
            <source>{files} files: {update} projects updated, {create} new projects, {problems} new problems; {left} with a check left out until ticked; {blocked} files cannot be read in.</source>
            <translation>共 {files} 个文件：更新 {update} 个项目，新项目 {create} 个，新诉求 {problems} 条；有疑点未勾选 {left} 个；无法读入的文件 {blocked} 个。</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="379" />
            <source>Written as batches {ids} (Import history undoes one).</source>
            <translation>已写入，批次 {ids}（可在“导入记录”中撤销）。</translation>
        </message>
        <message>
            <location filename="../../ui/collection_dialog.py" line="386" />
            <source>Writing the returned files</source>
            <translation>正在写入报回的文件</translation>
        </message>
    </context>
    <context>
        <name>ConflictsModel</name>
        <message>
            <location filename="../../ui/import_models.py" line="213" />
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <location filename="../../ui/import_models.py" line="214" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../ui/import_models.py" line="215" />
            <source>Project (id)</source>
            <translation>项目（编号）</translation>
        </message>
        <message>
            <location filename="../../ui/import_models.py" line="216" />
            <source>Changed field</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/import_models.py" line="217" />
            <source>In the ledger (kept)</source>
            <translation>库中（保留）</translation>
        </message>
        <message>
            <location filename="../../ui/import_models.py" line="218" />
            <source>In the file</source>
            <translation>表中</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="120" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="121" />
            <source>Kept project</source>
            <translation>保留的项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="122" />
            <source>Merged project</source>
            <translation>并入的项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="123" />
            <source>Use the merged one's</source>
            <translation>改用并入项目的值</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../ui/crash_dialog.py" line="42" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../ui/crash_dialog.py" line="44" />
            <source>(no log file could be written)</source>
            <translation>（无法写入日志文件）</translation>
        </message>
        <message>
            <location filename="../../ui/crash_dialog.py" line="47" />
            <source>The program met an unexpected error. What you saved before is safe: every change is written in one step or not at all.

The details are in the log file:
{log}

Please copy the error and send it to whoever supports you.</source>
            <translation>程序遇到意外错误。之前保存的数据是安全的：每次修改要么完整写入，要么完全不写入。

详细信息已记入日志文件：
{log}

请复制错误信息，发给为您提供技术支持的人员。</translation>
        </message>
        <message>
            <location filename="../../ui/crash_dialog.py" line="58" />
            <source>&amp;Copy error details</source>
            <translation>复制错误信息(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/crash_dialog.py" line="63" />
            <source>Open &amp;log folder</source>
            <translation>打开日志文件夹(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>DateEdit</name>
        <message>
            <location filename="../../ui/widgets.py" line="99" />
            <source>e.g. 2024-05-01</source>
            <translation>如 2024-05-01</translation>
        </message>
    </context>
    <context>
        <name>DemoBanner</name>
        <message>
            <location filename="../../ui/demo_mode.py" line="55" />
            <source>&lt;b&gt;演示数据&lt;/b&gt; — a made-up county ({county}) to try the program: add, edit, import and export as you like. Nothing here goes into your own ledger.</source>
            <translation>&lt;b&gt;演示数据&lt;/b&gt; — 这是虚构的“{county}”台账，供您试用：可以随意新建、修改、导入、导出，都不会进入您自己的台账。</translation>
        </message>
        <message>
            <location filename="../../ui/demo_mode.py" line="61" />
            <source>&amp;Close the demo, back to my ledger</source>
            <translation>关闭演示，回到我的台账(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>DemoMode</name>
        <message>
            <location filename="../../ui/demo_mode.py" line="82" />
            <source>Open the &amp;demo data</source>
            <translation>打开演示数据(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/demo_mode.py" line="85" />
            <source>A made-up county in a separate file; your ledger is not touched</source>
            <translation>虚构县的演示台账，单独存放，不影响您的台账</translation>
        </message>
        <message>
            <location filename="../../ui/demo_mode.py" line="88" />
            <source>&amp;Close the demo</source>
            <translation>关闭演示(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/demo_mode.py" line="111" />
            <source>Demo data</source>
            <translation>演示数据</translation>
        </message>
        <message>
            <location filename="../../ui/demo_mode.py" line="122" />
            <source>Preparing the demo data</source>
            <translation>正在准备演示数据</translation>
        </message>
    </context>
    <context>
        <name>DuplicateProjects</name>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="67" />
            <source>Merge projects</source>
            <translation>合并项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="70" />
            <source>Merge {merged} projects into {kept} in one step? Where two differ, the kept project's value stays; pairs to check are left alone. It can be undone at once in Import history.</source>
            <translation>一次把 {merged} 个项目并入 {kept} 个项目？两者不同的内容以保留的项目为准；“请核对”的项目对不合并。可在“导入记录”中一次撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="82" />
            <source>&amp;Merge them all</source>
            <translation>全部合并(&amp;M)</translation>
        </message>
    </context>
    <context>
        <name>DuplicateProjectsDialog</name>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="173" />
            <location filename="../../ui/duplicate_projects.py" line="185" />
            <source>Possible duplicate projects</source>
            <translation>疑似重复项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="176" />
            <source>Each pair may be one deal stored twice (typed differently). Merging keeps the first project, fills its blanks from the second and moves the second's progress, visits and problems to it; undo it in Import history.</source>
            <translation>每一对可能是同一项目被录入了两次（写法不同）。合并时保留第一个项目，用第二个补全其空白，并把第二个的进度、走访和诉求记录移过来；可在“导入记录”中撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="189" />
            <source>Fields the two projects hold differently</source>
            <translation>两个项目不同的内容</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="193" />
            <source>&amp;Merge this pair</source>
            <translation>合并这一对(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="195" />
            <source>&amp;Keep the other one</source>
            <translation>改为保留另一个(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="228" />
            <source>Looking for duplicate projects</source>
            <translation>查找疑似重复项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="248" />
            <source>No possible duplicates found.</source>
            <translation>没有发现疑似重复的项目。</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="263" />
            <source>{count} fields differ: the kept project's value stays unless you tick the merged one's.</source>
            <translation>有 {count} 项内容不同：保留项目的值不变，除非勾选“改用并入项目的值”。</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="270" />
            <source>Comparing</source>
            <translation>比较中</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="282" />
            <source>Merge &amp;all {count} sure pairs…</source>
            <translation>合并全部确定的 {count} 对(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="299" />
            <source>{merged} projects were merged into {kept} (batch {batch}); undo it at once in Import history.</source>
            <translation>已把 {merged} 个项目并入 {kept} 个项目（批次 {batch}）；可在“导入记录”中一次撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="330" />
            <source>Merge projects</source>
            <translation>合并项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="332" />
            <source>Merge project {other} into project {keep}? It can be undone in Import history.</source>
            <translation>把项目 {other} 合并进项目 {keep}？可在“导入记录”中撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="307" />
            <location filename="../../ui/duplicate_projects.py" line="345" />
            <source>Merging</source>
            <translation>合并中</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesModel</name>
        <message>
            <location filename="../../ui/import_duplicates.py" line="70" />
            <source>Sheet / row</source>
            <translation>工作表 / 行</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="72" />
            <source>In the ledger</source>
            <translation>库中</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="73" />
            <source>In the file</source>
            <translation>表中</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="69" />
            <source>Project (id)</source>
            <translation>项目（编号）</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="71" />
            <source>Changed field</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="74" />
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="75" />
            <source>This project</source>
            <translation>本项目的处理</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="106" />
            <source>Kept as stored (conflict)</source>
            <translation>冲突，保留库中</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="108" />
            <source>Not written</source>
            <translation>不写入</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="110" />
            <source>Overwritten</source>
            <translation>更新为表中</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="111" />
            <source>Filled in</source>
            <translation>补全</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="111" />
            <source>Added</source>
            <translation>补充（新的统计日期）</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="114" />
            <source>As above: {choice}</source>
            <translation>按上面：{choice}</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="124" />
            <source>{sheet} row {row}</source>
            <translation>{sheet} 第 {row} 行</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="140" />
            <source>Double-click or press F2 to choose for this project</source>
            <translation>双击或按 F2 为本项目单独选择</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPage</name>
        <message>
            <location filename="../../ui/import_duplicates.py" line="196" />
            <source>Projects already in the ledger</source>
            <translation>库中已有的项目</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="199" />
            <source>Each line is a field the file states differently from the ledger. Nothing is written until you import.</source>
            <translation>每一行是表中与库中不同的一项内容。点“导入”之前不会写入任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="208" />
            <source>&amp;Fill blanks only; keep what the ledger holds (recommended)</source>
            <translation>只补全库中空白，库中已有的内容保留（推荐）(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="209" />
            <source>&amp;Update with the file's values</source>
            <translation>用表中的内容更新(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="210" />
            <source>&amp;Leave these projects as they are</source>
            <translation>不动这些项目(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="216" />
            <source>Show only projects with &amp;conflicts</source>
            <translation>只看有冲突的项目(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/import_duplicates.py" line="281" />
            <source>{count} projects of the file are already in the ledger: {changed} differ ({conflicts} with conflicts kept as stored), {same} are the same. Rows repeated within the file are always skipped.</source>
            <translation>表中有 {count} 个项目库中已有：{changed} 个有不同（其中 {conflicts} 个有冲突，保留库中内容），{same} 个相同。表内重复的行一律跳过。</translation>
        </message>
    </context>
    <context>
        <name>FileCheck</name>
        <message>
            <location filename="../../ui/file_check.py" line="29" />
            <source>Checking the database</source>
            <translation>正在检查数据库</translation>
        </message>
    </context>
    <context>
        <name>FilesPage</name>
        <message>
            <location filename="../../ui/import_pages.py" line="84" />
            <source>Choose the spreadsheets to import</source>
            <translation>选择要导入的表格</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="87" />
            <source>Previous-year ledgers from Excel or WPS (.xlsx, .xlsb, .xls, .et), .ods, .csv or a web table. You can also drop files here.</source>
            <translation>往年台账：Excel 或 WPS 表格（.xlsx、.xlsb、.xls、.et）、.ods、.csv 或网页表格，也可以把文件拖到这里。</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="95" />
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="98" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="123" />
            <source>Choose spreadsheets</source>
            <translation>选择表格文件</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../ui/first_run.py" line="55" />
            <source>Welcome to the signed project tracker</source>
            <translation>欢迎使用签约项目跟踪</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="61" />
            <source>Before you start: whose ledger is this? These names are printed on every report (title, 填报单位, 填表人); you can change them later in Tools → Settings.</source>
            <translation>开始之前，请先填写这本台账属于哪里。这些名称会印在每一份报表上（标题、填报单位、填表人），以后可在“工具 → 设置”中修改。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="69" />
            <source>e.g. 青溪县 (required)</source>
            <translation>例如：青溪县（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="70" />
            <source>e.g. 青溪县投资促进中心 (required)</source>
            <translation>例如：青溪县投资促进中心（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="71" />
            <source>your name (optional: else a blank line to sign)</source>
            <translation>您的姓名（可不填：报表上留空待签）</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="81" />
            <source>Optional: names the editor offers (paste one per line)</source>
            <translation>可选：录入时可供选择的名单（每行一个，可直接粘贴）</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="86" />
            <source>Paste a column from Excel,
or type one per line</source>
            <translation>从 Excel 复制一列粘贴到这里，
或每行输入一个</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="96" />
            <source>&amp;Import last years' ledgers…</source>
            <translation>导入往年台账(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="97" />
            <source>From Excel, WPS or CSV files; the columns are recognised by themselves.</source>
            <translation>从 Excel、WPS 或 CSV 台账导入，自动识别各列。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="101" />
            <source>Start an &amp;empty ledger</source>
            <translation>新建空台账(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="102" />
            <source>Enter projects one by one (新建项目, Ctrl+N).</source>
            <translation>从零开始，逐个录入项目（新建项目，Ctrl+N）。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="106" />
            <source>Look at the &amp;demo first</source>
            <translation>先看演示(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="107" />
            <source>A made-up county in a separate file: try anything, your ledger stays empty.</source>
            <translation>打开一份虚构的演示台账（单独的文件）随便试，您自己的台账不受影响。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="171" />
            <source>Please fill in {label}.</source>
            <translation>请填写{label}。</translation>
        </message>
    </context>
    <context>
        <name>GroupRatesModel</name>
        <message>
            <location filename="../../ui/stats_view.py" line="107" />
            <source>Signed projects</source>
            <translation>签约项目数</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="108" />
            <source>Performance rate</source>
            <translation>履约率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="109" />
            <source>Landing rate</source>
            <translation>落地率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="110" />
            <source>Start rate</source>
            <translation>开工率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="111" />
            <source>Funds rate</source>
            <translation>资金到位率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="112" />
            <source>Production rate</source>
            <translation>投产率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="113" />
            <source>Mean days to start</source>
            <translation>平均签约至开工天数</translation>
        </message>
    </context>
    <context>
        <name>ImportHistoryDialog</name>
        <message>
            <location filename="../../ui/import_history.py" line="112" />
            <source>Import history</source>
            <translation>导入记录</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="117" />
            <source>Import batches</source>
            <translation>导入批次</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="131" />
            <source>Conflicts of the selected batch</source>
            <translation>所选批次的冲突</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="138" />
            <source>&amp;Undo this batch…</source>
            <translation>撤销这一批(&amp;U)…</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="140" />
            <source>&amp;Export conflicts…</source>
            <translation>导出冲突(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="149" />
            <source>Undoing a batch removes the projects it added and restores what it changed; edits made by hand since are kept (you are asked first).</source>
            <translation>撤销一批会删除它新增的项目、还原它改过的内容；之后手工做的修改会保留（撤销前会先询问）。</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="180" />
            <source>Reading the import history</source>
            <translation>正在读取导入记录</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="197" />
            <source>No import yet.</source>
            <translation>还没有导入过。</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="210" />
            <source>Batch {id}: {count} conflicts — values the ledger kept where the file said otherwise.</source>
            <translation>批次 {id}：{count} 处冲突——表中不同、库中保留的内容。</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="214" />
            <source>Batch {id}: no conflicts.</source>
            <translation>批次 {id}：没有冲突。</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="219" />
            <source>Reading conflicts</source>
            <translation>正在读取冲突</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="245" />
            <source>Save conflicts</source>
            <translation>保存冲突</translation>
        </message>
        <message>
            <location filename="../../ui/import_history.py" line="255" />
            <source>Saving conflicts</source>
            <translation>正在保存冲突</translation>
        </message>
    </context>
    <context>
        <name>ImportUndo</name>
        <message>
            <location filename="../../ui/import_undo.py" line="50" />
            <source>Undo import</source>
            <translation>撤销导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="56" />
            <source>After merge {batches}, {count} of the projects kept were worked on: records that came with the merged project were edited, or records were added.</source>
            <translation>合并批次 {batches} 之后，有 {count} 个保留的项目又有改动：从被并入项目移来的记录被修改过，或新增了记录。</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="63" />
            <source>After batch {batches} was imported, {count} of its projects were edited by hand or given records.</source>
            <translation>批次 {batches} 导入之后，其中 {count} 个项目被手工修改过或添加了记录。</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="76" />
            <source>Undo keeping those later edits? The merged project comes back with its records; records edited or added since stay with the project kept.</source>
            <translation>保留这些改动并撤销合并？被并入的项目连同其记录恢复；合并后改过或新增的记录留在保留的项目中。</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="83" />
            <source>Undo keeping those later edits? Only what the import did to fields nobody has changed since is undone; projects worked on since stay.</source>
            <translation>撤销时保留这些后来的修改吗？只撤销导入所做、之后没人再改过的内容；之后处理过的项目保留。</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="93" />
            <source>&amp;Keep later edits and undo</source>
            <translation>保留后来的修改并撤销(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="99" />
            <source>Undo merge {batches}? The merged projects come back with their records and the values the merge filled in are restored (a backup is made first).</source>
            <translation>撤销合并批次 {batches}？被并入的项目连同其记录恢复，合并时补全的内容还原（先自动备份）。</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="106" />
            <source>Undo batch {batches}? The projects it added are removed and the values it changed are restored (a backup is made first).</source>
            <translation>撤销批次 {batches}？它新增的项目将被删除，改过的内容将还原（先自动备份）。</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="114" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="145" />
            <source>Undoing the import</source>
            <translation>正在撤销导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_undo.py" line="153" />
            <source>Checking what was changed since</source>
            <translation>正在检查导入后的修改</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <location filename="../../ui/import_wizard.py" line="37" />
            <source>Import spreadsheets</source>
            <translation>导入往年台账</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="41" />
            <source>&amp;Done</source>
            <translation>完成(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="48" />
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="49" />
            <source>Update</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="50" />
            <source>Fill in</source>
            <translation>补全</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="51" />
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="52" />
            <source>Reject</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="55" />
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="56" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="57" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="58" />
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="59" />
            <source>Investor</source>
            <translation>投资主体</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="60" />
            <source>Signed on</source>
            <translation>签约日期</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="61" />
            <source>Amount (10k yuan)</source>
            <translation>签约总投资（万元）</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="62" />
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="137" />
            <source>Reading files</source>
            <translation>正在读取文件</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="156" />
            <source>Opening encrypted files</source>
            <translation>正在打开加密文件</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="174" />
            <source>No project rows were found.</source>
            <translation>没有找到项目数据行。</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="178" />
            <location filename="../../ui/import_wizard.py" line="204" />
            <source>Checking rows</source>
            <translation>正在检查数据行</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="230" />
            <source>The import failed; nothing was written.</source>
            <translation>导入失败，没有写入任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="235" />
            <source>Importing</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="240" />
            <source>Cancelled: nothing was written.</source>
            <translation>已取消，没有写入任何内容。</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="250" />
            <source>Undone: {deleted} new projects removed, {reverted} changes reverted.</source>
            <translation>已撤销：删除新增项目 {deleted} 个，还原修改 {reverted} 处。</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="253" />
            <source> {kept} later edits were kept.</source>
            <translation>保留了导入后的修改 {kept} 处。</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="265" />
            <source>Save conflicts</source>
            <translation>保存冲突</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="276" />
            <source>{count} conflicts saved to: {path}</source>
            <translation>{count} 处冲突已保存到：{path}</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="281" />
            <source>Saving conflicts</source>
            <translation>正在保存冲突</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="293" />
            <source>Save rejected rows</source>
            <translation>保存错误行</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="315" />
            <source>Rejected rows saved to: {paths}</source>
            <translation>错误行已保存到：{paths}</translation>
        </message>
        <message>
            <location filename="../../ui/import_wizard.py" line="320" />
            <source>Saving rejected rows</source>
            <translation>正在保存错误行</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="52" />
            <source>{rows} project rows: {create} new, {update} updated, {fill} filled in, {skip} skipped, {reject} rejected; {conflicts} projects with conflicts (kept as stored).</source>
            <translation>共 {rows} 行项目数据：新增 {create}，更新 {update}，补全 {fill}，跳过 {skip}，拒绝 {reject}；有冲突的项目 {conflicts} 个（保留库中内容）。</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="58" />
            <source>{review} rows that may be projects already in the ledger were not confirmed and not imported.</source>
            <translation>另有 {review} 行可能是库中已有项目，未经确认，没有导入。</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="64" />
            <source>{review} rows may be projects already in the ledger, typed otherwise: confirm them on the duplicates page (until then they are not imported).</source>
            <translation>另有 {review} 行可能是库中已有项目的另一种写法，请在“库中已有的项目”页确认（确认前不导入）。</translation>
        </message>
    </context>
    <context>
        <name>LedgerLegend</name>
        <message>
            <location filename="../../ui/ledger_legend.py" line="22" />
            <source>Row colours:</source>
            <translation>行颜色：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_legend.py" line="27" />
            <source>Red row</source>
            <translation>红</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_legend.py" line="28" />
            <source>has a red warning</source>
            <translation>有红灯预警</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_legend.py" line="33" />
            <source>Yellow row</source>
            <translation>黄</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_legend.py" line="34" />
            <source>has a yellow warning</source>
            <translation>有黄灯预警</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_legend.py" line="39" />
            <source>Grey row</source>
            <translation>灰</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_legend.py" line="40" />
            <source>terminated</source>
            <translation>已终止</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_legend.py" line="54" />
            <source>Point at a row to see its warnings; open the project for the details.</source>
            <translation>鼠标停在某行上可看到它的预警；打开项目可看到预警事实和阈值。</translation>
        </message>
    </context>
    <context>
        <name>LedgerModel</name>
        <message>
            <location filename="../../ui/ledger_model.py" line="62" />
            <source>Project name</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="63" />
            <source>Investor</source>
            <translation>投资主体</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="64" />
            <source>Sign date</source>
            <translation>签约日期</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="66" />
            <source>Amount (10k yuan)</source>
            <translation>签约总投资（万元）</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="68" />
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="69" />
            <source>Responsible unit</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="70" />
            <source>Leader</source>
            <translation>包抓领导</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="71" />
            <source>Location</source>
            <translation>落地乡镇/园区</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="72" />
            <source>Industry</source>
            <translation>产业类别</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="73" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="225" />
            <location filename="../../ui/ledger_model.py" line="229" />
            <location filename="../../ui/ledger_model.py" line="303" />
            <source>Loading the ledger</source>
            <translation>正在读取台账</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="246" />
            <source>Checking warnings</source>
            <translation>正在检查预警</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="477" />
            <source>no reason given</source>
            <translation>未填原因</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_model.py" line="478" />
            <source>Terminated {date}: {reason}</source>
            <translation>已终止（{date}）：{reason}</translation>
        </message>
    </context>
    <context>
        <name>LedgerView</name>
        <message>
            <location filename="../../ui/ledger_view.py" line="77" />
            <source>Search projects</source>
            <translation>搜索项目</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="79" />
            <source>Name, investor, unit, leader or pinyin initials (Ctrl+F)</source>
            <translation>名称、投资主体、单位、领导或拼音首字母（Ctrl+F）</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="85" />
            <source>Ledger: search</source>
            <translation>台账：搜索</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="89" />
            <source>Sign year</source>
            <translation>签约年度</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="90" />
            <source>Responsible unit</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="91" />
            <source>Stage</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="92" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="97" />
            <source>Inco&amp;mplete</source>
            <translation>待补全(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="100" />
            <source>Projects an import could not complete: no investor, or only the year signed</source>
            <translation>导入时没能补齐的项目：投资主体为空，或签约日期只有年份</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="103" />
            <source>&amp;Clear filters</source>
            <translation>清除筛选(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="108" />
            <source>&amp;Search:</source>
            <translation>搜索(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="113" />
            <source>&amp;Year:</source>
            <translation>年度(&amp;Y)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="114" />
            <source>&amp;Unit:</source>
            <translation>单位(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="115" />
            <source>S&amp;tage:</source>
            <translation>阶段(&amp;T)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="116" />
            <source>Stat&amp;us:</source>
            <translation>状态(&amp;U)：</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="127" />
            <source>Project ledger</source>
            <translation>项目台账</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="171" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="261" />
            <source>search “{text}”</source>
            <translation>搜索“{text}”</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="262" />
            <source>all projects</source>
            <translation>全部项目</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="268" />
            <source>descending</source>
            <translation>降序</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="268" />
            <source>ascending</source>
            <translation>升序</translation>
        </message>
        <message>
            <location filename="../../ui/ledger_view.py" line="269" />
            <source>{filter}; sorted by {column}, {order}</source>
            <translation>{filter}；按{column}{order}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="72" />
            <source>Views</source>
            <translation>视图</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="74" />
            <source>&amp;Ledger</source>
            <translation>台账(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="118" />
            <source>&amp;Warnings</source>
            <translation>预警(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="119" />
            <source>Stat&amp;istics</source>
            <translation>统计(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="40" />
            <source>&amp;New project</source>
            <translation>新建项目(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="46" />
            <source>&amp;Edit project</source>
            <translation>编辑项目(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="51" />
            <source>&amp;Delete project…</source>
            <translation>删除项目(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="57" />
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="60" />
            <source>Import last years' ledgers from Excel or CSV</source>
            <translation>从 Excel 或 CSV 导入往年台账</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="64" />
            <source>Import &amp;history…</source>
            <translation>导入记录(&amp;H)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="67" />
            <source>Each import with its counts and conflicts; undo a batch</source>
            <translation>每次导入的数量和冲突；可撤销某一批</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="73" />
            <source>&amp;Progress collection…</source>
            <translation>进度收集(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="76" />
            <source>Send each unit its workbook, read the filled files back, see who has not</source>
            <translation>向各单位发填报表，读回填好的报表，查看谁还没报</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="82" />
            <source>Possible &amp;duplicate projects…</source>
            <translation>疑似重复项目(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="85" />
            <source>Projects that are probably one deal entered twice; merge a pair</source>
            <translation>可能是同一项目录入了两次的项目；可逐对合并</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="91" />
            <source>E&amp;xport report…</source>
            <translation>导出报表(&amp;X)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="94" />
            <source>Export the review workbook</source>
            <translation>导出督查考核报表</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="98" />
            <source>&amp;Backup now</source>
            <translation>备份(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="103" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="109" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="115" />
            <source>&amp;Open database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="121" />
            <source>Ne&amp;w database…</source>
            <translation>新建数据库(&amp;W)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="126" />
            <source>&amp;Restore from backup…</source>
            <translation>从备份恢复(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="130" />
            <source>E&amp;xit</source>
            <translation>退出(&amp;X)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="141" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="143" />
            <source>Recent &amp;databases</source>
            <translation>最近打开的数据库(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="151" />
            <source>&amp;Project</source>
            <translation>项目(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="155" />
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="166" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="172" />
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/window_actions.py" line="175" />
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="170" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="203" />
            <location filename="../../ui/main_window.py" line="217" />
            <source>Delete project</source>
            <translation>删除项目</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="205" />
            <source>Delete “{name}” with its stage dates, figures, visits and problems?
A project that fell through should be terminated instead: it then stays in the ledger and in the rates.</source>
            <translation>确定删除“{name}”及其进度节点、资金数据、走访记录和企业诉求吗？
已落空的项目应改为“终止”：终止的项目仍保留在台账中，并计入各项比率。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="289" />
            <source>Ready: add the first project with New project (Ctrl+N).</source>
            <translation>台账已建好：用“新建项目”（Ctrl+N）录入第一个项目。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="313" />
            <source>{total} projects · signed total {amount} (10k yuan)</source>
            <translation>共 {total} 个项目 · 签约总额 {amount} 万元</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="315" />
            <source>{total} projects · {shown} shown · signed total {amount} (10k yuan)</source>
            <translation>共 {total} 个项目 · 筛选后 {shown} 个 · 签约总额 {amount} 万元</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="340" />
            <source>Signed project tracker — 演示数据 (demo, not your ledger) — {name}</source>
            <translation>签约项目跟踪 — 【演示数据，不是您的台账】 — {name}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="342" />
            <source>Signed project tracker — {name}</source>
            <translation>签约项目跟踪 — {name}</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../ui/import_mapping.py" line="68" />
            <source>Check the columns</source>
            <translation>核对列</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="71" />
            <source>Blue rows are the header, grey rows are titles, totals and notes (not imported). Yellow columns were matched without certainty: confirm or correct them.</source>
            <translation>蓝色行是表头，灰色行是标题、合计和说明（不导入）。黄色的列是按内容或相近表头推断的，请确认或改正。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="79" />
            <source>&amp;Import this sheet</source>
            <translation>导入此工作表(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="88" />
            <source>Sign date of these projects (&amp;year / year-month / date):</source>
            <translation>这些项目的签约时间（年 / 年月 / 日期）(&amp;Y)：</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="92" />
            <source>e.g. 2021, 2021-06 or 2021-06-30</source>
            <translation>如 2021、2021-06 或 2021-06-30</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="111" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="111" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="111" />
            <source>Why</source>
            <translation>依据</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="152" />
            <source> (not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="154" />
            <source> (please confirm)</source>
            <translation>（请确认）</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="196" />
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="200" />
            <source>Field of column {column}</source>
            <translation>“{column}”列对应的字段</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="217" />
            <source>{count} columns (yellow) were matched by their values or a loose title: please confirm them.</source>
            <translation>{count} 列（黄色）是按列中的值或相近的表头推断的，请确认。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="222" />
            <source>{count} more columns say nothing and are not imported.</source>
            <translation>另有 {count} 列没有可认的内容，不导入。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="230" />
            <source>Skipped: {reason}</source>
            <translation>已跳过：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="232" />
            <source>Header in row {rows}; {count} project rows; amounts in {unit}.</source>
            <translation>表头在第 {rows} 行；项目数据 {count} 行；金额单位：{unit}。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="235" />
            <source>the header's unit</source>
            <translation>按表头所注单位（未注明按万元）</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="239" />
            <source>{count} rows are totals, categories or repeated headers and are left out.</source>
            <translation>其中 {count} 行是合计、分类或重复表头，不导入。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="264" />
            <source>The sheet has no sign-date column; the year is taken from its title.</source>
            <translation>此表没有签约日期列，已按标题中的年份填入，请核对。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="266" />
            <source>The sheet has no sign-date column; every project gets this date.</source>
            <translation>此表没有签约日期列，所有项目按这个时间导入。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="268" />
            <source>The sheet has no sign-date column: give the year, month or date.</source>
            <translation>此表没有签约日期列：请填写年份、年月或日期。</translation>
        </message>
        <message>
            <location filename="../../ui/import_mapping.py" line="324" />
            <source>Give the sign date of: {sheets}</source>
            <translation>请填写这些工作表的签约时间：{sheets}</translation>
        </message>
    </context>
    <context>
        <name>NameListsTab</name>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="95" />
            <source> (one per line):</source>
            <translation>（每行一个）：</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="107" />
            <source>Probably one name spelled differently</source>
            <translation>可能是同一名称的不同写法</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="116" />
            <source>Merge as &amp;proposed…</source>
            <translation>按建议合并(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="119" />
            <source>Keep the &amp;other spelling…</source>
            <translation>保留另一种写法(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="132" />
            <source>Merge two entries</source>
            <translation>合并两个条目</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="142" />
            <source>&amp;Merge…</source>
            <translation>合并(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="147" />
            <source>List:</source>
            <translation>名录：</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="148" />
            <source>Merge:</source>
            <translation>把：</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="149" />
            <source>into:</source>
            <translation>并入：</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="182" />
            <source>Reading the lists</source>
            <translation>正在读取名录</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="197" />
            <source>{name} ({count} projects)</source>
            <translation>{name}（{count} 个项目）</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="227" />
            <source>Merge entries</source>
            <translation>合并名录条目</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="228" />
            <source>Choose two different entries: one to merge, one to keep.</source>
            <translation>请选两个不同的条目：一个并入，一个保留。</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="250" />
            <source>Merging entries</source>
            <translation>正在合并</translation>
        </message>
    </context>
    <context>
        <name>NewRoundDialog</name>
        <message>
            <location filename="../../ui/collection_round.py" line="59" />
            <source>New collection round</source>
            <translation>新建一轮进度收集</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="67" />
            <source>By responsible &amp;unit</source>
            <translation>按责任单位(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="68" />
            <source>By &amp;town / park</source>
            <translation>按乡镇/园区(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="80" />
            <source>Units to send a workbook to</source>
            <translation>要发填报表的单位</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="82" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="88" />
            <source>Figures as of (period end):</source>
            <translation>统计截至（期末）：</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="89" />
            <source>Return by (deadline):</source>
            <translation>报送截止日期：</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="90" />
            <source>Send:</source>
            <translation>分发：</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="91" />
            <source>Save the workbooks in:</source>
            <translation>填报表保存到：</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="95" />
            <source>&amp;Make workbooks</source>
            <translation>生成填报表(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="100" />
            <source>One workbook for each of these (untick to leave out):</source>
            <translation>为下列每个单位生成一个填报表（取消勾选即不发）：</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="113" />
            <source>{name} ({count} projects)</source>
            <translation>{name}（{count} 个项目）</translation>
        </message>
        <message>
            <location filename="../../ui/collection_round.py" line="122" />
            <source>Folder for the workbooks</source>
            <translation>填报表保存的文件夹</translation>
        </message>
    </context>
    <context>
        <name>PairsModel</name>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="94" />
            <source>Project kept</source>
            <translation>保留的项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="95" />
            <source>Project merged into it</source>
            <translation>并入的项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="96" />
            <source>Likeness and reasons</source>
            <translation>相似度与理由</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="104" />
            <source>Very likely one project</source>
            <translation>很可能是同一项目</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="106" />
            <source>Perhaps one project: check</source>
            <translation>可能是同一项目，请核对</translation>
        </message>
        <message>
            <location filename="../../ui/duplicate_projects.py" line="110" />
            <source>No. {id}</source>
            <translation>编号 {id}</translation>
        </message>
    </context>
    <context>
        <name>PasswordPage</name>
        <message>
            <location filename="../../ui/import_pages.py" line="155" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="158" />
            <source>These workbooks are encrypted. Enter the password to open them (it is used only in memory and not saved).</source>
            <translation>以下工作簿已加密。请输入打开密码（只在内存中使用，不会保存）。</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="188" />
            <source>Wrong password for: {files}</source>
            <translation>密码不对：{files}</translation>
        </message>
    </context>
    <context>
        <name>PlanModel</name>
        <message>
            <location filename="../../ui/collection_models.py" line="85" />
            <source>Write</source>
            <translation>写入</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="86" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="87" />
            <source>Project</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="88" />
            <source>Changed field</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="89" />
            <source>In the ledger</source>
            <translation>库中</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="90" />
            <source>In the file</source>
            <translation>表中</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="91" />
            <source>Check / note</source>
            <translation>疑点 / 说明</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="100" />
            <source>{file} — {unit}</source>
            <translation>{file} — {unit}</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="101" />
            <source>unit unknown</source>
            <translation>单位不明</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="104" />
            <source> — round {id}, figures as of {as_of}</source>
            <translation> — 第 {id} 轮，统计截至 {as_of}</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="135" />
            <source> (new)</source>
            <translation>（新项目）</translation>
        </message>
    </context>
    <context>
        <name>PlanPage</name>
        <message>
            <location filename="../../ui/import_pages.py" line="203" />
            <source>What will be imported</source>
            <translation>导入预览</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="206" />
            <source>Nothing has been written yet. Red rows will not be imported; the reason is beside each.</source>
            <translation>目前尚未写入任何内容。红色行不会导入，原因写在每行右侧。</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="215" />
            <source>All rows</source>
            <translation>全部行</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="216" />
            <source>Rows with problems</source>
            <translation>有问题的行</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="217" />
            <source>Rejected</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="218" />
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="219" />
            <source>Updated</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="220" />
            <source>Filled in</source>
            <translation>补全</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="221" />
            <source>With conflicts</source>
            <translation>有冲突</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="222" />
            <source>Skipped</source>
            <translation>跳过</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="235" />
            <source>Progress figures (funds arrived, invested) as of</source>
            <translation>进度数字（到位资金、完成投资）统计截至</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="265" />
            <source>Figures as of</source>
            <translation>统计截至</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <location filename="../../ui/printing.py" line="131" />
            <source>Page {n} of {total}</source>
            <translation>第 {n} 页 共 {total} 页</translation>
        </message>
        <message>
            <location filename="../../ui/printing.py" line="158" />
            <source>Print preview</source>
            <translation>打印预览</translation>
        </message>
    </context>
    <context>
        <name>ProblemTab</name>
        <message>
            <location filename="../../ui/editor_records.py" line="331" />
            <source>Selected problem</source>
            <translation>所选诉求</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="335" />
            <source>New status</source>
            <translation>新状态</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="339" />
            <source>Result</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="340" />
            <source>Result (required when resolved)</source>
            <translation>办理结果（已解决时必填）</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="341" />
            <source>Set &amp;status</source>
            <translation>更改状态(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="346" />
            <source>Status:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="346" />
            <source>Result:</source>
            <translation>办理结果：</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="367" />
            <source>Select a saved problem first.</source>
            <translation>请先选中一条已保存的诉求。</translation>
        </message>
    </context>
    <context>
        <name>ProjectEditor</name>
        <message>
            <location filename="../../ui/project_editor.py" line="48" />
            <source>Project editor</source>
            <translation>项目编辑</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="64" />
            <source>&amp;Basic information</source>
            <translation>基本信息(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="65" />
            <source>&amp;Milestones</source>
            <translation>进度节点(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="66" />
            <source>&amp;Funds and investment</source>
            <translation>资金与投资(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="67" />
            <source>&amp;Visits</source>
            <translation>跟踪服务(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="68" />
            <source>&amp;Problems</source>
            <translation>企业诉求(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="69" />
            <source>&amp;Change history</source>
            <translation>变更记录(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="111" />
            <source>New project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="113" />
            <source>Project: {name}</source>
            <translation>项目：{name}</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="213" />
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <location filename="../../ui/project_editor.py" line="214" />
            <source>This project has unsaved changes. Save them?</source>
            <translation>该项目有未保存的修改，是否保存？</translation>
        </message>
    </context>
    <context>
        <name>ProjectWarningsModel</name>
        <message>
            <location filename="../../ui/warnings_view.py" line="243" />
            <source>Level</source>
            <translation>预警等级</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="244" />
            <source>Project</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="245" />
            <source>Responsible unit</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="246" />
            <source>Leader</source>
            <translation>包抓领导</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="247" />
            <source>Signed on</source>
            <translation>签约日期</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="248" />
            <source>Rules</source>
            <translation>预警类型</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="249" />
            <source>Facts</source>
            <translation>预警事实</translation>
        </message>
    </context>
    <context>
        <name>ProposalsModel</name>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="49" />
            <source>List</source>
            <translation>名录</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="49" />
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="49" />
            <source>Merge into it</source>
            <translation>并入</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="49" />
            <source>Why</source>
            <translation>依据</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="53" />
            <source>{name} ({count} projects)</source>
            <translation>{name}（{count} 个项目）</translation>
        </message>
    </context>
    <context>
        <name>ReadOnlyBanner</name>
        <message>
            <location filename="../../ui/read_only_banner.py" line="37" />
            <source>The database file is damaged: {path}. Nothing more is written to it. Restore the latest backup (File → Restore from backup…).</source>
            <translation>数据库文件已损坏：{path}。程序不会再向其中写入任何内容。请恢复最近的备份（文件 → 从备份恢复…）。</translation>
        </message>
        <message>
            <location filename="../../ui/read_only_banner.py" line="45" />
            <source>The database file is read-only: {path}. You can view, search, review and export, but not change anything. To edit, clear the file's read-only attribute (or copy it to a folder you can write) and open it again.</source>
            <translation>数据库文件只读：{path}。可以查看、搜索、预警和导出，但不能修改。如需修改，请取消文件的只读属性（或复制到可写的文件夹）后重新打开。</translation>
        </message>
    </context>
    <context>
        <name>RecordTab</name>
        <message>
            <location filename="../../ui/editor_records.py" line="158" />
            <source>New record</source>
            <translation>新增记录</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="166" />
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="169" />
            <source>&amp;Delete selected</source>
            <translation>删除所选(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="229" />
            <source>Not saved yet</source>
            <translation>尚未保存</translation>
        </message>
        <message>
            <location filename="../../ui/editor_records.py" line="269" />
            <source>Fill in the record first.</source>
            <translation>请先填写记录内容。</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <location filename="../../ui/report_dialog.py" line="43" />
            <location filename="../../ui/report_dialog.py" line="197" />
            <source>Export report</source>
            <translation>导出报表</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="55" />
            <source>Review workbook (summary, warnings, ledger, open requests)</source>
            <translation>履约情况评估报表（汇总、预警清单、项目台账、诉求清单）</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="59" />
            <source>Full ledger (every field and stage date; can be imported again)</source>
            <translation>完整台账（全部字段和各阶段日期，可再次导入）</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="72" />
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="77" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="87" />
            <source>Report</source>
            <translation>报表</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="89" />
            <source>As of</source>
            <translation>统计截至</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="90" />
            <source>Signed in</source>
            <translation>签约年份</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="91" />
            <source>Save as</source>
            <translation>保存为</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="95" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="98" />
            <source>Fill the city's &amp;template…</source>
            <translation>按上级模板填报(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="102" />
            <source>Fill a blank report the city sent with the ledger's projects, keeping its own title, columns and layout.</source>
            <translation>用台账中的项目填写上级下发的空白报表，保留其标题、栏目和格式。</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="162" />
            <source>Choose where to save the report.</source>
            <translation>请选择报表的保存位置。</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="189" />
            <source>Saved {path}</source>
            <translation>已保存：{path}</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="198" />
            <source>The report was saved to:
{path}</source>
            <translation>报表已保存到：
{path}</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="202" />
            <source>Open file</source>
            <translation>打开文件</translation>
        </message>
        <message>
            <location filename="../../ui/report_dialog.py" line="203" />
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../../ui/warnings_view.py" line="111" />
            <source>Reviewing</source>
            <translation>正在计算预警</translation>
        </message>
    </context>
    <context>
        <name>ReviewPairsBox</name>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="98" />
            <source>Possible matches to confirm</source>
            <translation>待确认的可能重复项目</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="107" />
            <source>&amp;Same project</source>
            <translation>是同一项目(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="109" />
            <source>&amp;Not the same</source>
            <translation>不是(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="135" />
            <source>{count} rows may be projects already in the ledger, typed otherwise; {open} not answered yet (those are not imported).</source>
            <translation>表中有 {count} 行可能是库中已有项目的另一种写法，{open} 行尚未确认（未确认的暂不导入）。请选中一行，点“是同一项目”或“不是”。</translation>
        </message>
    </context>
    <context>
        <name>ReviewPairsModel</name>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="53" />
            <source>In the ledger</source>
            <translation>库中</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="54" />
            <source>In the file</source>
            <translation>表中</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="55" />
            <source>Likeness and reasons</source>
            <translation>相似度与理由</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="56" />
            <source>Your answer</source>
            <translation>您的判断</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="64" />
            <source>No. {id}</source>
            <translation>编号 {id}</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="66" />
            <source>{sheet} row {row}</source>
            <translation>{sheet} 第 {row} 行</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="71" />
            <source>Same project</source>
            <translation>是同一项目</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="73" />
            <source>Not the same: a new project</source>
            <translation>不是同一项目：按新项目导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="75" />
            <source>Not answered: imported as new</source>
            <translation>未确认：按新项目导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_review_pairs.py" line="76" />
            <source>Not answered: not imported</source>
            <translation>未确认：暂不导入</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../../ui/import_pages.py" line="298" />
            <source>Importing</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="302" />
            <source>Import now</source>
            <translation>开始导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="315" />
            <source>A backup of the database is made first. The whole import is one step: cancelled or failed, nothing is written.</source>
            <translation>导入前先备份数据库。整个导入是一步完成的：取消或失败都不会写入任何内容。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="76" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="83" />
            <source>&amp;General</source>
            <translation>常规(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="84" />
            <source>&amp;Warning thresholds</source>
            <translation>预警阈值(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="85" />
            <source>&amp;Lists</source>
            <translation>名录(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="122" />
            <source>Default: {value}</source>
            <translation>默认值：{value}</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../ui/help_menu.py" line="107" />
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="111" />
            <source>Command</source>
            <translation>功能</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="111" />
            <source>Keys</source>
            <translation>按键</translation>
        </message>
    </context>
    <context>
        <name>StagesTab</name>
        <message>
            <location filename="../../ui/editor_stages.py" line="29" />
            <source>&lt;b&gt;Stage&lt;/b&gt;</source>
            <translation>&lt;b&gt;阶段&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/editor_stages.py" line="30" />
            <source>&lt;b&gt;Planned&lt;/b&gt;</source>
            <translation>&lt;b&gt;计划日期&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/editor_stages.py" line="31" />
            <source>&lt;b&gt;Actual&lt;/b&gt;</source>
            <translation>&lt;b&gt;实际日期&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/editor_stages.py" line="37" />
            <source>{stage} planned</source>
            <translation>{stage}计划日期</translation>
        </message>
        <message>
            <location filename="../../ui/editor_stages.py" line="38" />
            <source>{stage} actual</source>
            <translation>{stage}实际日期</translation>
        </message>
        <message>
            <location filename="../../ui/editor_stages.py" line="49" />
            <source>The current stage is the furthest stage with an actual date. Dates may be typed as 2024-05-01, 2024.5.1 or 2024年5月1日; a month alone (2024-05) is kept.</source>
            <translation>当前阶段取有实际日期的最后一个阶段。日期可输入 2024-05-01、2024.5.1 或 2024年5月1日；只有年月（2024-05）也可以。</translation>
        </message>
        <message>
            <location filename="../../ui/editor_stages.py" line="117" />
            <source>Please check: </source>
            <translation>请核对：</translation>
        </message>
    </context>
    <context>
        <name>StatsView</name>
        <message>
            <location filename="../../ui/stats_view.py" line="177" />
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="183" />
            <source>Signed projects</source>
            <translation>签约项目数</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="184" />
            <location filename="../../ui/stats_view.py" line="306" />
            <source>Performance rate</source>
            <translation>履约率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="185" />
            <source>Landing rate</source>
            <translation>落地率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="186" />
            <location filename="../../ui/stats_view.py" line="307" />
            <source>Start rate</source>
            <translation>开工率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="187" />
            <source>Funds rate</source>
            <translation>资金到位率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="188" />
            <source>Production rate</source>
            <translation>投产率</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="189" />
            <source>Mean days from signing to start</source>
            <translation>平均签约至开工天数</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="203" />
            <source>&amp;Charts</source>
            <translation>图表(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="208" />
            <source>Responsible unit</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="208" />
            <source>By &amp;unit</source>
            <translation>按责任单位(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="209" />
            <source>Industry</source>
            <translation>产业类别</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="209" />
            <source>By i&amp;ndustry</source>
            <translation>按产业类别(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="210" />
            <source>Town / park</source>
            <translation>落地乡镇/园区</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="210" />
            <source>By &amp;town</source>
            <translation>按乡镇/园区(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="225" />
            <source>&amp;Definitions</source>
            <translation>口径说明(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="228" />
            <source>Signed in</source>
            <translation>签约年份</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="248" />
            <source>{amount} (10k yuan)</source>
            <translation>签约总投资 {amount} 万元</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="259" />
            <source>{funds} of {signed}</source>
            <translation>到位 {funds} / 签约 {signed} 万元</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="266" />
            <source>{n} started projects</source>
            <translation>按 {n} 个已开工项目计</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="271" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="278" />
            <source>Signed → landed → started → producing</source>
            <translation>签约 → 落地 → 开工 → 投产</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="279" />
            <source>Projects</source>
            <translation>项目数</translation>
        </message>
        <message>
            <location filename="../../ui/stats_view.py" line="301" />
            <source>Rates by responsible unit (%)</source>
            <translation>各责任单位履约率、开工率（%）</translation>
        </message>
    </context>
    <context>
        <name>StatusModel</name>
        <message>
            <location filename="../../ui/collection_models.py" line="29" />
            <source>Unit / town</source>
            <translation>单位 / 乡镇</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="30" />
            <source>Projects</source>
            <translation>项目数</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="31" />
            <source>Returned</source>
            <translation>报回时间</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="32" />
            <source>Updated</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="33" />
            <source>New projects</source>
            <translation>新项目</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="34" />
            <source>New problems</source>
            <translation>新诉求</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="35" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/collection_models.py" line="43" />
            <source>Not yet</source>
            <translation>未报回</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <location filename="../../ui/import_pages.py" line="330" />
            <source>Import finished</source>
            <translation>导入完成</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="343" />
            <source>Undo this import</source>
            <translation>撤销本次导入</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="346" />
            <source>Export rejected rows…</source>
            <translation>导出错误行…</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="349" />
            <source>Export conflicts…</source>
            <translation>导出冲突…</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="367" />
            <source>Batch number: {ids}</source>
            <translation>导入批次号：{ids}</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="372" />
            <source>{file}: figures as of {date}</source>
            <translation>{file}：进度数字统计截至 {date}</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="381" />
            <source>Conflicts: the ledger's value was kept where the file says otherwise. Check them; to take the file's value, edit the project or import again choosing “Update” for it.</source>
            <translation>冲突：表中与库中不同的内容，保留了库中的值。请核对；要用表中的值，可在项目中修改，或重新导入并对该项目选“用表中的内容更新”。</translation>
        </message>
        <message>
            <location filename="../../ui/import_pages.py" line="386" />
            <source>No conflicts: nothing stored was left different from the file.</source>
            <translation>没有冲突：库中没有与表中不同而被保留的内容。</translation>
        </message>
    </context>
    <context>
        <name>Task</name>
        <message>
            <location filename="../../ui/tasks.py" line="162" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../ui/tasks.py" line="177" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/tasks.py" line="253" />
            <source>An internal error occurred. Nothing was half-saved; please report this.</source>
            <translation>程序内部出错。数据没有被写入一半；请把详细信息反馈给维护人员。</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <location filename="../../ui/template_dialog.py" line="78" />
            <source>Fill the city's template</source>
            <translation>按上级模板填报</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="99" />
            <source>The blank report the city sent (.xlsx, .xls)</source>
            <translation>上级下发的空白报表（.xlsx、.xls）</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="101" />
            <source>&amp;Choose template…</source>
            <translation>选择模板(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="105" />
            <source>Template:</source>
            <translation>模板：</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="114" />
            <source>Column of the template</source>
            <translation>模板的栏目</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="114" />
            <source>Filled with</source>
            <translation>填写内容</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="114" />
            <source>In words</source>
            <translation>说明</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="122" />
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="123" />
            <source>All units</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="124" />
            <source>All towns</source>
            <translation>全部乡镇/园区</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="126" />
            <source>Any stage</source>
            <translation>全部阶段</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="129" />
            <source>Any status</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="133" />
            <source>Which projects</source>
            <translation>填报哪些项目</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="135" />
            <source>&amp;As of</source>
            <translation>统计截至(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="136" />
            <source>Signed &amp;in</source>
            <translation>签约年份(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="137" />
            <source>&amp;Unit</source>
            <translation>责任单位(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="138" />
            <source>&amp;Town / park</source>
            <translation>乡镇/园区(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="139" />
            <source>Stage &amp;reached</source>
            <translation>所处阶段(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="140" />
            <source>S&amp;tatus</source>
            <translation>状态(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="158" />
            <source>Preview: the first rows as they will be written</source>
            <translation>预览：将写入的前几行</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="174" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="177" />
            <source>&amp;Open the file in Excel/WPS when saved</source>
            <translation>保存后用 Excel/WPS 打开(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="180" />
            <source>Save as:</source>
            <translation>保存为：</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="191" />
            <source>&amp;Fill and save</source>
            <translation>填报并保存(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="231" />
            <source>Choose the city's template</source>
            <translation>选择上级下发的报表模板</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="233" />
            <source>Excel/WPS workbooks ({patterns})</source>
            <translation>Excel/WPS 工作簿 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="239" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="243" />
            <source>Reading the template</source>
            <translation>正在读取模板</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="258" />
            <source>Sheet “{sheet}”: header in row {rows}; the projects go from row {first} on.</source>
            <translation>工作表“{sheet}”：表头在第 {rows} 行，项目从第 {first} 行起填写。</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="265" />
            <source>The total row is recomputed.</source>
            <translation>合计行按填入的项目重新计算。</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="267" />
            <source>The columns are matched as you confirmed last time.</source>
            <translation>各栏已按您上次确认的对应填写。</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="283" />
            <source>Internal error while reading the template: {error}</source>
            <translation>读取模板时发生内部错误：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="300" />
            <source>(left blank)</source>
            <translation>（留空）</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="307" />
            <source>Rule of column {column}</source>
            <translation>“{column}”栏的填写内容</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="334" />
            <source>{count} columns are left blank (yellow): fill them by hand.</source>
            <translation>有 {count} 栏留空（黄色），请手工填写。</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="380" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="387" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="395" />
            <source>{count} projects</source>
            <translation>共 {count} 个项目</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="406" />
            <source>Choose the template first.</source>
            <translation>请先选择模板。</translation>
        </message>
        <message>
            <location filename="../../ui/template_dialog.py" line="409" />
            <source>Choose where to save the filled report.</source>
            <translation>请选择填好的报表保存到哪里。</translation>
        </message>
    </context>
    <context>
        <name>UserGuide</name>
        <message>
            <location filename="../../ui/user_guide.py" line="152" />
            <source>User guide</source>
            <translation>用户手册</translation>
        </message>
        <message>
            <location filename="../../ui/user_guide.py" line="157" />
            <source>Chapters</source>
            <translation>目录</translation>
        </message>
    </context>
    <context>
        <name>ViewActions</name>
        <message>
            <location filename="../../ui/view_actions.py" line="44" />
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="48" />
            <source>Print the ledger or the warning list as filtered and sorted on screen</source>
            <translation>按当前的筛选和排序打印台账或预警清单</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="51" />
            <source>Export current &amp;view…</source>
            <translation>导出当前视图(&amp;V)…</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="54" />
            <source>Save the rows and columns on screen as an Excel workbook</source>
            <translation>把屏幕上的行和列（按当前筛选和排序）保存为 Excel 工作簿</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="84" />
            <source>Filter: {filter}    {n} projects · signed total {amount} (10k yuan)</source>
            <translation>筛选：{filter}    共 {n} 个项目 · 签约总额 {amount} 万元</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="93" />
            <location filename="../../ui/view_actions.py" line="190" />
            <source>{county} ledger of signed projects</source>
            <translation>{county}签约项目台账</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="94" />
            <source>{subtitle}    Printed {date}</source>
            <translation>{subtitle}    打印日期：{date}</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="112" />
            <location filename="../../ui/view_actions.py" line="211" />
            <source>{county} warning list (signed and forgotten)</source>
            <translation>{county}“一签了之”预警清单</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="115" />
            <source>{filter}    Printed {date}</source>
            <translation>{filter}    打印日期：{date}</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="136" />
            <source>The warnings are still loading.</source>
            <translation>预警仍在计算中，请稍候。</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="152" />
            <source>Preparing the printout</source>
            <translation>正在准备打印</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="161" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="163" />
            <source>{n} rows are shown: about {pages} pages. Print them all? (Filter the ledger first to print fewer.)</source>
            <translation>当前显示 {n} 行，约 {pages} 页。全部打印吗？（可先筛选台账，少打印一些。）</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="191" />
            <source>{subtitle}    Exported {date}</source>
            <translation>{subtitle}    导出日期：{date}</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="214" />
            <source>{filter}    Exported {date}</source>
            <translation>{filter}    导出日期：{date}</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="223" />
            <location filename="../../ui/view_actions.py" line="243" />
            <source>Export current view</source>
            <translation>导出当前视图</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="232" />
            <source>Exported {n} rows to {path}</source>
            <translation>已导出 {n} 行：{path}</translation>
        </message>
        <message>
            <location filename="../../ui/view_actions.py" line="245" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>WarningStrip</name>
        <message>
            <location filename="../../ui/editor_warnings.py" line="74" />
            <source>no reason given</source>
            <translation>未填原因</translation>
        </message>
        <message>
            <location filename="../../ui/editor_warnings.py" line="77" />
            <source>Terminated {date}: no warnings are raised.</source>
            <translation>已于 {date} 终止，不再预警。</translation>
        </message>
        <message>
            <location filename="../../ui/editor_warnings.py" line="78" />
            <source>Reason: {reason}</source>
            <translation>终止原因：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/editor_warnings.py" line="87" />
            <source>No warnings as of {date}.</source>
            <translation>截至 {date} 无预警。</translation>
        </message>
        <message>
            <location filename="../../ui/editor_warnings.py" line="92" />
            <source>Warnings as of {date}: {red} red, {yellow} yellow</source>
            <translation>预警（截至 {date}）：红灯 {red} 条，黄灯 {yellow} 条</translation>
        </message>
        <message>
            <location filename="../../ui/editor_warnings.py" line="105" />
            <source>Threshold</source>
            <translation>触发阈值</translation>
        </message>
    </context>
    <context>
        <name>WarningsModel</name>
        <message>
            <location filename="../../ui/warnings_view.py" line="157" />
            <source>Level</source>
            <translation>预警等级</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="158" />
            <source>Rule</source>
            <translation>预警类型</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="159" />
            <source>Project</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="160" />
            <source>Responsible unit</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="161" />
            <source>Leader</source>
            <translation>包抓领导</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="162" />
            <source>Signed on</source>
            <translation>签约日期</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="163" />
            <source>Facts</source>
            <translation>预警事实</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="205" />
            <source>Threshold</source>
            <translation>触发阈值</translation>
        </message>
    </context>
    <context>
        <name>WarningsView</name>
        <message>
            <location filename="../../ui/warnings_view.py" line="278" />
            <source>All levels</source>
            <translation>全部等级</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="278" />
            <source>Red</source>
            <translation>红灯</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="278" />
            <source>Yellow</source>
            <translation>黄灯</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="282" />
            <source>All rules</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="284" />
            <location filename="../../ui/warnings_view.py" line="358" />
            <source>All units</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="290" />
            <source>One row per warning</source>
            <translation>每条预警一行</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="291" />
            <source>One row per project</source>
            <translation>每个项目一行</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="313" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="314" />
            <source>Level</source>
            <translation>预警等级</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="315" />
            <source>Rule</source>
            <translation>预警类型</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="316" />
            <source>Unit</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="379" />
            <source>Red projects: {red_projects}   Yellow projects: {yellow_projects}   Warnings: {warnings} (red {red}, yellow {yellow})   Terminated: {terminated}</source>
            <translation>红灯项目 {red_projects} 个   黄灯项目 {yellow_projects} 个   预警 {warnings} 条（红灯 {red} 条，黄灯 {yellow} 条）   已终止 {terminated} 个</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="390" />
            <source>Shown: {n} projects</source>
            <translation>当前显示 {n} 个项目</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="392" />
            <source>Shown: {n} warnings</source>
            <translation>当前显示 {n} 条预警</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="401" />
            <source>As of {date}</source>
            <translation>统计截至 {date}</translation>
        </message>
        <message>
            <location filename="../../ui/warnings_view.py" line="410" />
            <source>{red} red projects, {yellow} yellow projects, {n} warnings</source>
            <translation>红灯项目 {red} 个，黄灯项目 {yellow} 个，预警 {n} 条</translation>
        </message>
    </context>
    <context>
        <name>db_files</name>
        <message>
            <location filename="../../ui/db_files.py" line="49" />
            <source>process {pid} on {host}</source>
            <translation>计算机 {host} 上的进程 {pid}</translation>
        </message>
        <message>
            <location filename="../../ui/db_files.py" line="51" />
            <source>another program</source>
            <translation>另一个程序</translation>
        </message>
        <message>
            <location filename="../../ui/db_files.py" line="54" />
            <source>The database {path} is already open in another window ({who}). Only one window may change a ledger at a time: switch to that window, or close it and try again.</source>
            <translation>数据库 {path} 已在另一个窗口中打开（{who}）。同一本台账同时只能由一个窗口修改：请切换到那个窗口，或将其关闭后重试。</translation>
        </message>
    </context>
    <context>
        <name>file_actions</name>
        <message>
            <location filename="../../ui/file_actions.py" line="25" />
            <source>Tracker database (*.db);;All files (*)</source>
            <translation>项目台账数据库 (*.db);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="35" />
            <location filename="../../ui/file_actions.py" line="43" />
            <source>Open database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="54" />
            <location filename="../../ui/file_actions.py" line="66" />
            <source>New database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="68" />
            <source>The file {path} already exists. Choose another name, or use Open database.</source>
            <translation>文件 {path} 已存在。请换一个文件名，或使用“打开数据库”。</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="82" />
            <source>Empty database file</source>
            <translation>数据库文件是空的</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="85" />
            <source>Start a new, empty ledger in this file? (No: leave it untouched.)</source>
            <translation>要在这个文件中新建一个空台账吗？（选“否”则不改动它。）</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="99" />
            <source>Backup saved: {path}</source>
            <translation>已备份到：{path}</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="105" />
            <source>Backing up</source>
            <translation>正在备份</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="114" />
            <source>Restore from backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="129" />
            <source>Checking the backup</source>
            <translation>正在检查备份</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="142" />
            <source>The backup {name} holds {count} projects (last change: {when}).</source>
            <translation>备份“{name}”中有 {count} 个项目（最后修改于 {when}）。</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="148" />
            <source>The current ledger holds {count} projects.</source>
            <translation>当前台账有 {count} 个项目。</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="153" />
            <source>Replace the current ledger with this backup? The current ledger is backed up first, so this can be undone by restoring that backup.</source>
            <translation>用这个备份替换当前台账吗？替换前会先备份当前台账，需要时可以再从那个备份恢复。</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="164" />
            <source>The backup is EMPTY: after restoring it the ledger will have no projects at all (now {count}). Restore the empty backup anyway?</source>
            <translation>这个备份是空的：恢复后台账里将一个项目也没有（现在有 {count} 个）。仍然要恢复这个空备份吗？</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="188" />
            <source>Restored. The previous ledger was saved as {path}</source>
            <translation>已恢复。恢复前的台账已保存为 {path}</translation>
        </message>
        <message>
            <location filename="../../ui/file_actions.py" line="200" />
            <source>Restoring</source>
            <translation>正在恢复</translation>
        </message>
    </context>
    <context>
        <name>help_menu</name>
        <message>
            <location filename="../../ui/help_menu.py" line="41" />
            <source>Project editor: save</source>
            <translation>项目编辑窗口：保存</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="42" />
            <source>Ledger: open the selected project</source>
            <translation>台账：打开选中的项目</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="43" />
            <source>Dialogs: close without saving</source>
            <translation>对话框：不保存并关闭</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="44" />
            <source>Next / previous field</source>
            <translation>下一个 / 上一个输入框</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="45" />
            <source>Menus and buttons: the underlined letter</source>
            <translation>菜单和按钮：按住 Alt 再按带下划线的字母</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="51" />
            <source>&amp;User guide</source>
            <translation>用户手册(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="55" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="58" />
            <source>&amp;What's new</source>
            <translation>更新说明(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/help_menu.py" line="138" />
            <source>What's new</source>
            <translation>更新说明</translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="69" />
            <source>Merge entries</source>
            <translation>合并名录条目</translation>
        </message>
        <message>
            <location filename="../../ui/name_lists_tab.py" line="71" />
            <source>Merge “{drop}” into “{keep}” ({list})? {count} projects will use “{keep}” and “{drop}” leaves the list. This is one batch: Tools → Import history can undo it.</source>
            <translation>把“{drop}”并入“{keep}”（{list}）？{count} 个项目将改用“{keep}”，名录中不再有“{drop}”。这算一批，可在 工具 → 导入记录 中撤销。</translation>
        </message>
    </context>
</TS>